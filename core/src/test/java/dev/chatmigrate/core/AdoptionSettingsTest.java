package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import org.junit.jupiter.api.Test;

/** Adoption names its settings in its messages without depending on the API; the names are the ones {@link Setting} declares. */
class AdoptionSettingsTest {

    @Test
    void adoptionNamesItsSettingsAsSettingDeclaresThem() {
        assertThat(AdoptionOptions.CONVERT_IDS).isEqualTo(Setting.CONVERT_IDS.key());
        assertThat(AdoptionOptions.LOWERCASE_ROLES).isEqualTo(Setting.LOWERCASE_ROLES.key());
        assertThat(AdoptionOptions.TIMESTAMP_ZONE).isEqualTo(Setting.TIMESTAMP_ZONE.key());
    }

    @Test
    void adoptionDefaultsAreTheSettingsDefaults() {
        assertThat(AdoptionOptions.DEFAULT.convertIds()).isEqualTo(Boolean.parseBoolean(Setting.CONVERT_IDS.defaultValue()));
        assertThat(AdoptionOptions.DEFAULT.lowercaseRoles()).isEqualTo(Boolean.parseBoolean(Setting.LOWERCASE_ROLES.defaultValue()));
        assertThat(AdoptionOptions.DEFAULT.timestampZone()).isEqualTo(Setting.TIMESTAMP_ZONE.defaultValue());
    }
}
