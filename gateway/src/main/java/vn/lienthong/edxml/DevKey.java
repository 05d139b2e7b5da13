package vn.lienthong.edxml;

/**
 * The DEV signing key shipped at {@code src/main/resources/edxml/dev-signing.p12} (self-signed, RSA 2048,
 * CN=lienthong dev edXML signing (DEV ONLY)). Its password is public: never use it outside development.
 */
final class DevKey {

    static final String LOCATION = "classpath:edxml/dev-signing.p12";
    static final String PASSWORD = "dev-edxml-password";
    static final String ALIAS = "lienthong-dev";

    private DevKey() {
    }
}
