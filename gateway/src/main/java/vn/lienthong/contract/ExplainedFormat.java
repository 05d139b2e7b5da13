package vn.lienthong.contract;

import java.util.Optional;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;

/** A custom schema {@code format} that can say what is wrong with a value, so problems read better than "does not match". */
interface ExplainedFormat extends Format {

    /** Empty when the value is fine, else a message without the path. */
    Optional<String> problem(String value);

    @Override
    default boolean matches(ExecutionContext executionContext, String value) {
        return problem(value).isEmpty();
    }
}
