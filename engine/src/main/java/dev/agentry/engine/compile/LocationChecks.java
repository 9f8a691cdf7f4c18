package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Checks that an agent or team that sets {@code add_location_to_context} also says where it is ({@code location}):
 * Agentry looks no location up, so without one the field could only be ignored.
 */
final class LocationChecks {
  /** The code of the diagnostic for add_location_to_context without a location. */
  static final String CODE = "missing-location";

  private LocationChecks() {}

  static void check(Draft resource, Problems problems) {
    if (resource.kind() != Kind.AGENT && resource.kind() != Kind.TEAM) {
      return;
    }
    JsonNode spec = resource.tree().path("spec");
    if (spec.path("add_location_to_context").asBoolean(false) && !hasPart(spec.path("location"))) {
      problems.at(resource, "/spec/add_location_to_context", CODE,
          "add_location_to_context needs a location: Agentry looks no location up",
          "set location: {city: ..., region: ..., country: ...} beside it");
    }
  }

  private static boolean hasPart(JsonNode location) {
    for (String part : new String[] {"city", "region", "country"}) {
      if (!location.path(part).asString("").isBlank()) {
        return true;
      }
    }
    return false;
  }
}
