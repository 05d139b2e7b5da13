package vn.lienthong.simulator.dvcqg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated national portal's two URLs: login and the integration URL. Bodies are taken as bytes and parsed by
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
        return portal.call(body).toResponse(json);
    }

    /** The simulator's own failure (e.g. the journal disk): a 500 with a line of text, never a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("DVCQG simulator failed", e);
        return DvcqgReply.error(500, "simulator failure: " + e.getMessage()).toResponse(json);
    }
}
