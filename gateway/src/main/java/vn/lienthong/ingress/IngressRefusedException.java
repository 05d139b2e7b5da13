package vn.lienthong.ingress;

import java.util.List;

import vn.lienthong.contract.Problem;

/** A request the gateway refuses before accepting it, with the HTTP status to answer and every problem found. */
public class IngressRefusedException extends RuntimeException {

    private final int status;
    private final List<Problem> problems;

    public IngressRefusedException(int status, String path, String message) {
        this(status, List.of(new Problem(path, message)));
    }

    public IngressRefusedException(int status, List<Problem> problems) {
        super(status + " " + problems);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
