package vn.lienthong.document;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Has the servlet container parse a multipart request to the API (a document's metadata and files) before Camel's
 * servlet binding opens the request body: the parts are spooled to disk above
 * {@code spring.servlet.multipart.file-size-threshold} and {@link DocumentIngress} reads them from there. A body the
 * container cannot split (no boundary, a NUL in a file name, over the multipart limits) is left for the route to refuse
 * (400, or 413 for the limits) after it checked who is calling: the failure is kept in the request attribute
 * {@link #FAILURE}, and the route gets an empty body instead of a half-read stream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class MultipartFirst extends OncePerRequestFilter {

    /** Request attribute: why the container could not read the parts (an IllegalStateException: over a limit). */
    static final String FAILURE = "lienthong.multipartFailure";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exception failure = null;
        try {
            request.getParts();
        } catch (IOException | ServletException | RuntimeException refusedLater) {
            failure = refusedLater;
        }
        if (failure == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(FAILURE, failure);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return new EmptyBody();
            }
        }, response);
    }

    /** What the route reads of a body the container already consumed: nothing. */
    private static final class EmptyBody extends ServletInputStream {

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body was read by the container");
        }

        @Override
        public int read() {
            return -1;
        }
    }
}
