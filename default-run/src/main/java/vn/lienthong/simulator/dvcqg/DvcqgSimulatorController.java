package vn.lienthong.simulator.dvcqg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The simulated national portal's URLs: login, the integration URL and the citizens' files ({@code getfile}). Bodies are taken as bytes and parsed by
 * {@link DvcqgPortal}, so malformed JSON gets the portal's own answer instead of a framework error.
 */
@RestController
@ConditionalOnDvcqgSimulator
@RequestMapping("/sim/dvcqg")
public class DvcqgSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(DvcqgSimulatorController.class);

    private final DvcqgPortal portal;
    private final DvcqgJson json;

    public DvcqgSimulatorController(DvcqgPortal portal, DvcqgJson json) {
        this.portal = portal;
        this.json = json;
    }

    @PostMapping("/auth")
    public ResponseEntity<byte[]> auth(@RequestHeader(name = "dstcode", required = false) String dstcode,
            @RequestBody(required = false) byte[] body) {
        return portal.authenticate(dstcode, body).toResponse(json);
    }

    @PostMapping("/api")
    public ResponseEntity<byte[]> api(@RequestBody(required = false) byte[] body) {
        String files = ServletUriComponentsBuilder.fromCurrentContextPath().path(DvcqgPortal.GETFILE_PATH)
                .toUriString();
        return portal.call(body, files).toResponse(json);
    }

    /** A citizen's file by its TepDinhKemId (the URL in DuongDanTaiTepTin), streamed from disk. */
    @GetMapping("/getfile/{id}")
    public ResponseEntity<?> file(@PathVariable("id") String id) {
        DvcqgPortal.FileAnswer answer = portal.file(id);
        if (answer.refusal() != null) {
            return answer.refusal().toResponse(json);
        }
        return ResponseEntity.ok()
                .contentType(mediaType(answer.file().contentType()))
                .contentLength(answer.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(answer.file().name(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(answer.path()));
    }

    /** The simulator's own failure (e.g. the journal disk): a 500 with a line of text, never a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("DVCQG simulator failed", e);
        return DvcqgReply.error(500, "simulator failure: " + e.getMessage()).toResponse(json);
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
