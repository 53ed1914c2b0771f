package org.schoolgate.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.Role;

/**
 * The fixed classify contract: {@code {"texts": [...]}} (1 to 1,000 strings) in, one verdict per text out,
 * in the same order. Texts are classified without a school context (no roster names), and nothing is stored.
 */
@Path("/api/moderation/classify")
@Tag(name = "Moderation")
public class ClassifyResource {

    public static final int MAX_TEXTS = 1000;

    /** The body: 1 to 1,000 texts. */
    public record ClassifyRequest(List<String> texts) {
    }

    public record VerdictView(double abusive, List<String> categories, String severity, String why) {
        static VerdictView of(Verdict v) {
            return new VerdictView(v.abusive(), v.categories().stream().map(Category::id).toList(), v.severity().id(),
                    v.why());
        }
    }

    public record ClassifyResponse(String model, List<VerdictView> verdicts) {
    }

    @Inject
    AbuseClassifier classifier;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE, Role.ADMIN_ROLE})
    @Operation(summary = "Classify 1 to 1,000 texts for abuse, threats, hate, personal data and the other categories")
    public ClassifyResponse classify(
            @RequestBody(content = @Content(schema = @Schema(implementation = ClassifyRequest.class))) JsonNode body) {
        List<String> texts = texts(body);
        List<VerdictView> verdicts = new ArrayList<>(texts.size());
        for (String text : texts) {
            verdicts.add(VerdictView.of(classifier.classify(text, ClassificationContext.NONE)));
        }
        return new ClassifyResponse(classifier.modelVersion(), verdicts);
    }

    /**
     * Read by hand from the JSON tree (the record above only documents the shape): Jackson would coerce
     * numbers to strings, and a body that is not an object would fail before any mapper could explain it.
     */
    private static List<String> texts(JsonNode body) {
        JsonNode node = body == null || !body.isObject() ? null : body.get("texts");
        if (node == null || node.isNull()) {
            throw new BadRequestException("The body must be an object with \"texts\": a list of 1 to " + MAX_TEXTS
                    + " strings.");
        }
        if (!node.isArray()) {
            throw new BadRequestException("\"texts\" must be a list of strings.");
        }
        if (node.isEmpty() || node.size() > MAX_TEXTS) {
            throw new BadRequestException("\"texts\" must hold 1 to " + MAX_TEXTS + " texts; it holds " + node.size() + ".");
        }
        List<String> texts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new BadRequestException("texts[" + i + "] is not a string.");
            }
            texts.add(node.get(i).textValue());
        }
        return texts;
    }
}
