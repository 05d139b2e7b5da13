package vn.lienthong.ingress;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camel's servlet undoes a {@code Content-Encoding: gzip} itself when it builds the message, before any route runs, and
 * answers a 500 when the body is not gzip. For the API (dossiers and documents) the header is set aside (request
 * attribute {@link #RECEIVED}) so that {@link JsonRequestBody#decoded} decodes the body as it is read and answers a false
 * one with a 400.
 */
@Component
public class ContentEncodingFilter extends OncePerRequestFilter {

    /** Request attribute: the Content-Encoding the client sent. */
    static final String RECEIVED = "lienthong.contentEncoding";
    private static final String PREFIX = "/api/v1/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(JsonRequestBody.CONTENT_ENCODING) == null
                || !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(RECEIVED, request.getHeader(JsonRequestBody.CONTENT_ENCODING));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return isEncoding(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return isEncoding(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.removeIf(ContentEncodingFilter::isEncoding);
                return Collections.enumeration(names);
            }
        }, response);
    }

    private static boolean isEncoding(String name) {
        return JsonRequestBody.CONTENT_ENCODING.equalsIgnoreCase(name);
    }
}
