package org.duban.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts Camunda Modeler's deployments ({@code POST /engine-rest/deployment/create}, multipart) through the same checks
 * as an upload on the admin screen, before the engine's REST API sees them. On a problem it answers 400 with
 * {@code {type, message, errors:[{file, line, message}]}} and nothing is deployed. It also drops an empty
 * {@code tenant-id} field, which would otherwise store tenant "" and break start-by-key (STACK.md).
 *
 * <p>Runs after Spring Security's chain has authenticated the caller (HTTP Basic, admins only), so the service's own
 * admin check sees the same user.
 */
class EngineRestDeploymentFilter extends OncePerRequestFilter {

    static final String PATH = "/engine-rest/deployment/create";
    /** Form fields of Camunda's deployment/create that are not resources. */
    static final Set<String> RESERVED_FIELDS = Set.of("deployment-name", "deployment-activation-time",
            "enable-duplicate-filtering", "deploy-changed-only", "deployment-source", "tenant-id");
    static final String TENANT_ID = "tenant-id";
    private static final int MAX_BYTES = 25 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessLifecycleService lifecycle;

    EngineRestDeploymentFilter(ProcessLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod())
                || MultipartBody.boundaryOf(request.getContentType()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = request.getLocale();
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    ProcessMessages.get(locale, "process.rest.tooLarge", MAX_BYTES / (1024 * 1024)), List.of(),
                    locale);
            return;
        }
        MultipartBody multipart;
        try {
            multipart = MultipartBody.parse(body, MultipartBody.boundaryOf(request.getContentType()));
        } catch (IllegalArgumentException e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST,
                    ProcessMessages.get(locale, "process.rest.malformed", e.getMessage()), List.of(), locale);
            return;
        }
        List<DeploymentFile> files = new ArrayList<>();
        for (MultipartBody.Part part : multipart.parts()) {
            if (!RESERVED_FIELDS.contains(part.name()) && part.fileName() != null && !part.fileName().isBlank()) {
                files.add(new DeploymentFile(part.fileName(), part.content()));
            }
        }
        List<ValidationProblem> problems = lifecycle.validateRestDeployment(files);
        if (!problems.isEmpty()) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, ProcessMessages.get(locale,
                    "process.rest.rejected", problems.size(), problems.stream().map(p -> p.describe(locale))
                            .collect(Collectors.joining("\n"))), problems, locale);
            return;
        }
        boolean emptyTenant = multipart.parts().stream()
                .anyMatch(p -> TENANT_ID.equals(p.name()) && p.text().isBlank());
        byte[] forwarded = emptyTenant ? multipart.without(TENANT_ID).toBytes() : body;
        chain.doFilter(new BufferedRequest(request, forwarded), response);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BYTES + 1);
        return data.length > MAX_BYTES ? null : data;
    }

    private static void answer(HttpServletResponse response, int status, String message,
            List<ValidationProblem> problems, Locale locale) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DeploymentValidationException");
        body.put("message", message);
        body.put("errors", problems.stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", p.file());
            error.put("line", p.line());
            error.put("message", p.message(locale));
            return error;
        }).toList());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The request with its body already read (and possibly rewritten), for the engine's REST API to read again. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "content-length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "content-length".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
        }

        @Override
        public int getIntHeader(String name) {
            return "content-length".equalsIgnoreCase(name) ? body.length : super.getIntHeader(name);
        }
    }
}
