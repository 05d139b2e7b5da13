package vn.lienthong.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.lienthong.client.ClientRegistry;
import vn.lienthong.security.console.HawtioSessionBridge;

/**
 * Spring Security in front of every path, in three chains (README "Security"):
 * <ol>
 *   <li><b>open</b>: health (its groups and probes; details for operators), prometheus, info, the OpenAPI document and
 *   the schemas it references, and the simulators
 *   ({@code /sim/**}, {@code /services/sim/**}: they stand for outside systems);</li>
 *   <li><b>api</b> ({@code /api/**}, {@code /services/**}): stateless, no session, no CSRF (no cookie authenticates
 *   anything); a client system's API key, bearer token or certificate, or a user's password (HTTP Basic). The REST
 *   API needs a caller (401 otherwise); what each caller may do (kinds, units, dossiers, operator calls) is decided by
 *   the routes ({@code ClientGate}), which also answer the SOAP face in its own faults;</li>
 *   <li><b>console</b> (everything else: Hawtio, Jolokia, the other actuator endpoints, the indicators' page at
 *   {@code /indicators}, whose data is for managers, operators and admins): a login in every profile,
 *   Hawtio's own form (its session) or HTTP Basic; Jolokia for viewers and up (the {@code JolokiaPolicy} says what
 *   each role may call), the other endpoints for operators, the JVM's and the configuration's for admins.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
public class WebSecurity {

    /** Exposed by no default configuration; if someone exposes them, only admins reach them. */
    private static final String[] ADMIN_ENDPOINTS = { "heapdump", "env", "configprops", "threaddump", "shutdown",
            "loggers", "beans", "mappings", "conditions", "scheduledtasks", "startup" };

    /** Health for everyone; its details for a logged-in operator (management.endpoint.health.roles). */
    @Bean
    @Order(1)
    SecurityFilterChain health(HttpSecurity http, ClientRegistry clients, Users users, BearerTokens tokens,
            FailedLogins failedLogins) throws Exception {
        http.securityMatcher(EndpointRequest.to("health"))
                .addFilterBefore(new CallerAuthentication(clients, users, tokens, failedLogins, false),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        return stateless(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(EndpointRequest.to("prometheus", "info"),
                        path("/sim/**"), path("/services/sim/**"), path("/api/v1/openapi.json"),
                        // the JSON Schemas the OpenAPI document references (vn.lienthong.apidoc.OpenApiDocument)
                        path("/api/v1/schemas/**"), path("/error")))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        return stateless(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ClientRegistry clients, Users users, BearerTokens tokens,
            FailedLogins failedLogins) throws Exception {
        Refusals refusals = new Refusals("missing " + CallerAuthentication.API_KEY_HEADER + " header", false);
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/services/**")))
                .addFilterBefore(new CallerAuthentication(clients, users, tokens, failedLogins, true),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(path("/services/**")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        return stateless(http).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, ClientRegistry clients, Users users, BearerTokens tokens,
            FailedLogins failedLogins, AccessProperties properties) throws Exception {
        Refusals refusals = new Refusals("login required: HTTP Basic, or the console's login form", true);
        String[] everyRole = { Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN };
        http.addFilterBefore(new OriginCheck(properties.console().allowedOrigins()),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new HawtioSessionBridge(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new CallerAuthentication(clients, users, tokens, failedLogins, false),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // whether the console's proxy is on (it is off: hawtio.disableProxy); the login page asks it first
                        .requestMatchers(path("/actuator/hawtio/proxy/enabled")).permitAll()
                        // the console's Jolokia and proxy go through Hawtio's paths: a logged-in user only
                        .requestMatchers(path("/actuator/hawtio/jolokia/**"), path("/actuator/hawtio/proxy/**"))
                        .hasAnyRole(everyRole)
                        // Hawtio's pages and its login form: the data behind them is all Jolokia
                        .requestMatchers(EndpointRequest.to("hawtio")).permitAll()
                        // the indicators' page and its charts (it shows its own login form); its data for the
                        // province's leaders (manager) and operators
                        .requestMatchers(path("/indicators"), path("/indicators/"), path("/indicators/index.html"),
                                path("/indicators/*.js"), path("/indicators/*.css"), path("/webjars/**")).permitAll()
                        .requestMatchers(path("/indicators/data"))
                        .hasAnyRole(Roles.MANAGER, Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(EndpointRequest.to("jolokia")).hasAnyRole(everyRole)
                        .requestMatchers(EndpointRequest.to(ADMIN_ENDPOINTS)).hasRole(Roles.ADMIN)
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .anyRequest().authenticated())
                // CSRF: OriginCheck and the SameSite=Strict session cookie (server.servlet.session.cookie)
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
