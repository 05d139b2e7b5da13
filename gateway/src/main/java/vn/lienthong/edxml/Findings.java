package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.List;

import vn.lienthong.contract.Problem;

/** What the business checks found: errors reject the file, warnings travel with it. */
final class Findings {

    final List<Problem> errors = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new Problem(path, message));
    }

    void warning(String path, String message) {
        warnings.add(new Problem(path, message));
    }
}
