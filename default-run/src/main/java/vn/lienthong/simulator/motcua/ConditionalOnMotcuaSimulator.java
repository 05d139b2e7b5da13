package vn.lienthong.simulator.motcua;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present unless {@code lienthong.simulator.motcua.enabled=false}. On the configuration AND on the controller, because
 * the application's component scan finds the controller on its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "lienthong.simulator.motcua", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public @interface ConditionalOnMotcuaSimulator {
}
