package vn.lienthong.mapping;

/** A mapping file that is missing, does not compile, or fails on a message; names the mapping. */
public class MappingException extends RuntimeException {

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }

    public MappingException(String message) {
        super(message);
    }
}
