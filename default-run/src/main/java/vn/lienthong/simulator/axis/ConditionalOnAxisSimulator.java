package vn.lienthong.simulator.axis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present unless {@code lienthong.simulator.axis.enabled=false}. On the configurations AND on the controllers, because
 * the application's component scan finds the controllers on its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "lienthong.simulator.axis", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnAxisSimulator {
}
