package vn.lienthong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: routes in {@code routes/}, translations in {@code mappings/}, reusable pieces in this package tree. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LienthongApplication {

    public static void main(String[] args) {
        SpringApplication.run(LienthongApplication.class, args);
    }
}
