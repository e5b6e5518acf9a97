package dev.chatmigrate.core.adoption;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What adoption may do beyond reconciling what keeps every stored value: the conversions that change values, only
 * when asked for, and the zone in which {@code timestamp without time zone} values are read.
 *
 * @param convertIds     integer or bigint ids become uuids (setting {@code convert-ids}); old ids stay in
 *                       {@code chatmigrate_id_map}
 * @param lowercaseRoles roles equal to a canonical role except for letter case become that role (setting
 *                       {@code lowercase-roles})
 * @param timestampZone  the zone in which zone-less timestamps were written (setting {@code timestamp-zone}),
 *                       {@code UTC} by default, the convention of {@code datetime.utcnow()} and of Java's {@code Instant}
 */
public record AdoptionOptions(boolean convertIds, boolean lowercaseRoles, String timestampZone) {

    /**
     * The keys of the settings that set these options, as adoption's messages name them; {@code core.Setting} takes
     * them from here with the defaults of {@link #DEFAULT} (adoption, below the API, cannot depend on it).
     */
    public static final String CONVERT_IDS = "convert-ids";
    public static final String LOWERCASE_ROLES = "lowercase-roles";
    public static final String TIMESTAMP_ZONE = "timestamp-zone";

    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+\\-/]{1,64}");

    /** The defaults: nothing converted, zone-less timestamps read as UTC. */
    public static final AdoptionOptions DEFAULT = new AdoptionOptions(false, false, "UTC");

    public AdoptionOptions {
        Objects.requireNonNull(timestampZone, "timestampZone");
        if (!ZONE.matcher(timestampZone).matches()) {
            throw new InvalidConfigurationException("The timestamp zone '" + timestampZone + "' is not a time zone name:"
                    + " expected an IANA name such as UTC or Europe/Berlin.", AdoptionOptions.TIMESTAMP_ZONE, "an IANA time zone name",
                    timestampZone);
        }
    }

    public AdoptionOptions withConvertIds(boolean on) {
        return new AdoptionOptions(on, lowercaseRoles, timestampZone);
    }

    public AdoptionOptions withLowercaseRoles(boolean on) {
        return new AdoptionOptions(convertIds, on, timestampZone);
    }

    public AdoptionOptions withTimestampZone(String zone) {
        return new AdoptionOptions(convertIds, lowercaseRoles, zone);
    }
}
