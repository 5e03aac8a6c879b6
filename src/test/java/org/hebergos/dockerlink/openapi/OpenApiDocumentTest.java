package org.hebergos.dockerlink.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hebergos.dockerlink.security.Public;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the code: every JAX-RS resource method of the agent, with each of its
 * parameters, must be in it, and nothing in it may be missing from the code.
 */
class OpenApiDocumentTest {

    private static OpenAPI api;

    /** One resource method: HTTP method, path as OpenAPI writes it, and its parameter names. */
    record Endpoint(String method, String path, List<String> parameters, String javaMethod, boolean open) {
    }

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                new String(OpenApiDocument.read(), StandardCharsets.UTF_8), null, options);
        assertEquals(List.of(), result.getMessages(), "the document is valid OpenAPI");
        api = result.getOpenAPI();
    }

    @Test
    void everyResourceMethodAndParameterIsDocumented() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 13, "found the resources: " + endpoints);
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Operation op = operation(e.method(), e.path());
            if (op == null) {
                missing.add(e.method() + " " + e.path() + " (" + e.javaMethod() + ")");
                continue;
            }
            Set<String> documented = documentedParameters(op);
            if (securedByBearer(op)) {
                documented.add("Authorization"); // OpenAPI describes it as the security scheme, not a parameter
            }
            for (String p : e.parameters()) {
                if (!documented.contains(p)) {
                    missing.add("parameter " + p + " of " + e.method() + " " + e.path() + " (" + e.javaMethod() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "missing from openapi.yaml");
    }

    @Test
    void everyDocumentedOperationExistsInTheCode() throws Exception {
        Set<String> inCode = new TreeSet<>();
        for (Endpoint e : endpoints()) {
            inCode.add(e.method() + " " + key(e.path()));
        }
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> documented.add(m.name() + " " + key(path))));
        assertEquals(inCode, documented);
    }

    @Test
    void anOperationIsDocumentedOpenExactlyWhenItsMethodIsPublicAndTheOthersDocumentTheir401() throws Exception {
        for (Endpoint e : endpoints()) {
            Operation op = operation(e.method(), e.path());
            var security = op.getSecurity();
            boolean open = security != null && (security.isEmpty() || security.stream().anyMatch(Map::isEmpty));
            assertEquals(e.open(), open, e.method() + " " + e.path() + " (" + e.javaMethod() + ") is " + (e.open() ? "" : "not ")
                    + "@Public, the document must say the same");
            assertTrue(open || op.getResponses().containsKey("401"), e.method() + " " + e.path() + " documents its 401");
        }
    }

    private static boolean securedByBearer(Operation op) {
        var security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("bearer"));
    }

    /** Trailing slashes do not matter to JAX-RS matching. */
    private static String key(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Operation operation(String method, String path) {
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            if (key(entry.getKey()).equals(key(path))) {
                return entry.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
            }
        }
        return null;
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> documentedParameters(Operation op) {
        Set<String> names = new HashSet<>();
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                Parameter resolved = p.get$ref() != null ? api.getComponents().getParameters().get(refName(p.get$ref())) : p;
                names.add(resolved.getName());
            }
        }
        if (op.getRequestBody() != null) {
            var body = op.getRequestBody().get$ref() != null
                    ? api.getComponents().getRequestBodies().get(refName(op.getRequestBody().get$ref())) : op.getRequestBody();
            body.getContent().values().forEach(media -> {
                Schema schema = media.getSchema();
                if (schema != null && schema.getProperties() != null) {
                    names.addAll(schema.getProperties().keySet());
                }
            });
        }
        return names;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Every resource method in the agent's compiled classes. */
    static List<Endpoint> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(OpenApiDocument.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String http = httpMethod(m);
                    if (http == null) {
                        continue;
                    }
                    Path methodPath = m.getAnnotation(Path.class);
                    String path = "/" + join(classPath.value(), methodPath == null ? "" : methodPath.value());
                    endpoints.add(new Endpoint(http, path, parameters(m), type.getSimpleName() + "." + m.getName(),
                            m.isAnnotationPresent(Public.class)));
                }
            }
        }
        return endpoints;
    }

    private static String join(String a, String b) {
        String left = a.replaceAll("^/+|/+$", "");
        String right = b.replaceAll("^/+|/+$", "");
        return left.isEmpty() ? right : right.isEmpty() ? left : left + "/" + right;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> parameters(Method m) {
        return Arrays.stream(m.getParameterAnnotations()).flatMap(Arrays::stream).map(a -> {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            }
            return null;
        }).filter(java.util.Objects::nonNull).toList();
    }
}
