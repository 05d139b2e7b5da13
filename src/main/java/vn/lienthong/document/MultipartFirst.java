package vn.lienthong.document;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Has the servlet container parse a multipart request to the API (a document's metadata and files) before Camel's
 * servlet binding opens the request body: the parts are spooled to disk above
 * {@code spring.servlet.multipart.file-size-threshold} and {@link DocumentIngress} reads them from there. A body over
 * the multipart limits is left for the route to refuse with 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class MultipartFirst extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException refusedLater) {
            // The route asks again and answers 413 or 400 with the reason.
        }
        chain.doFilter(request, response);
    }
}
