package vn.lienthong.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records console and operator users' logins (every password authentication: Hawtio's login form, HTTP Basic) from
 * Spring Security's authentication events, failed ones with the name tried. Client systems' keys, tokens and
 * certificates are not logins of a person and are not recorded here.
 */
@Component
public class LoginAudit {

    private final AuditTrail audit;

    public LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        audit.operatorAction(event.getAuthentication().getName(), AuditAction.LOGIN, null, "password");
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        audit.operatorAction(event.getAuthentication().getName(), AuditAction.LOGIN_FAILED, null,
                event.getException().getMessage());
    }
}
