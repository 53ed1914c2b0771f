package org.schoolgate.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error becomes a clear answer: problem+json under {@code /api}, a friendly page elsewhere.
 * Never a stack trace; unexpected errors are logged with an id that the answer repeats.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return notLoggedIn(request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return notLoggedIn(request);
    }

    private Response notLoggedIn(HttpServerRequest request) {
        if (isApi(request)) {
            return problem(request, 401, "Not logged in", "Send valid credentials (HTTP Basic or the session cookie).")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Schoolgate\"").build();
        }
        return Response.seeOther(URI.create("/login")).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "Your role does not allow this." : e.getMessage();
        return answer(request, 403, "Not allowed", detail);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(field(v), v.getMessage())).toList();
        String detail = errors.stream().map(Problem.FieldError::message).collect(Collectors.joining("; "));
        if (!isApi(request)) {
            return page(400, "Please check the form", detail);
        }
        Problem p = new Problem("about:blank", "The request is not valid", 400, detail, request.path(), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** Property paths look like {@code create.body.email}; the client knows the last part. */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparsable(JsonParseException e, HttpServerRequest request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException e, HttpServerRequest request) {
        String detail;
        if (e instanceof InvalidFormatException ife && !ife.getPath().isEmpty()) {
            detail = "The field '" + ife.getPath().get(ife.getPath().size() - 1).getFieldName() + "' has the wrong type.";
        } else if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            detail = "The field '" + mie.getPath().get(mie.getPath().size() - 1).getFieldName() + "' has the wrong shape.";
        } else {
            detail = "The request body is not valid JSON"
                    + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        }
        return answer(request, 400, "Malformed request body", detail);
    }

    @ServerExceptionMapper(priority = 1)
    public Response conflict(OptimisticLockException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response stale(StaleObjectStateException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    /** Two people saving the same thing at once: the database's unique rule lets one win. */
    @ServerExceptionMapper(priority = 1)
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    private Response concurrentChange(HttpServerRequest request) {
        return answer(request, 409, "Someone else got there first",
                "Another person changed this at the same moment. Reload to see what they did.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, request);
        }
        if (status < 400) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = e instanceof ActedFirst ? "Someone else got there first"
                : status == 409 ? "Not possible any more"
                : known == null ? "Request refused" : known.getReasonPhrase();
        String message = e.getMessage();
        // framework messages ("HTTP 404 Not Found", "Unable to find matching target resource method") are for us, not for staff
        boolean ours = message != null && !message.startsWith("HTTP " + status) && !(e.getClass().getName().startsWith("jakarta.ws.rs")
                && e.getClass() != jakarta.ws.rs.BadRequestException.class && e.getClass() != jakarta.ws.rs.NotFoundException.class)
                && !message.startsWith("Unable to find matching");
        String detail = ours ? message : defaultDetail(status);
        return answer(request, status, title, detail);
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", id, request.method(), request.path());
        return answer(request, 500, "Something went wrong",
                "The error was recorded with reference " + id + ". Nothing you sent was lost; please try again.");
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing here. It may have been removed, or belong to another school.";
            case 405 -> "This address does not accept that kind of request.";
            case 406 -> "This address cannot answer in the format asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "Send the body as application/json.";
            default -> "The request was refused.";
        };
    }

    private static boolean isApi(HttpServerRequest request) {
        return request.path().startsWith("/api/") || request.path().equals("/api");
    }

    private static Response answer(HttpServerRequest request, int status, String title, String detail) {
        return isApi(request) ? problem(request, status, title, detail).build() : page(status, title, detail);
    }

    private static Response.ResponseBuilder problem(HttpServerRequest request, int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, request.path()));
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail)).build();
    }
}
