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

    /** The first few problems only: a 300 KB body can hold 100,000 problems, and this text goes to logs. */
    private static String summary(List<Problem> problems) {
        return problems.size() + " problem(s): " + problems.stream().limit(10)
                .map(p -> (p.path().isEmpty() ? "(body)" : p.path()) + " " + p.message())
                .collect(Collectors.joining("; "));
    }
}
