package vn.lienthong.contract;

/**
 * One thing wrong with a message.
 *
 * @param path    JSON pointer into the body as the client sent it ({@code ""} = the whole body, {@code /2/TrangThai} =
 *                field TrangThai of the third item); for a missing or unknown property it points at that property
 * @param message what is wrong, in plain words, without the path
 */
public record Problem(String path, String message) {
}
