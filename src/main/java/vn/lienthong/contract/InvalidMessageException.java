package vn.lienthong.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A body that is not valid JSON or breaks its input format's schema; carries every problem found, sorted by path. */
public class InvalidMessageException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidMessageException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.size() + " problem(s): " + problems.stream()
                .map(p -> (p.path().isEmpty() ? "(body)" : p.path()) + " " + p.message())
                .collect(Collectors.joining("; "));
    }
}
