package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The provider is cheap: it needs no MyBatis class until an engine is opened. */
class MyBatisEngineProviderTest {

    @Test
    @DisplayName("id and capabilities work on a class path without MyBatis at all")
    void idAndCapabilitiesNeedNoMyBatisClass() throws Exception {
        URL adapter = MyBatisEngineProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URL spi = MigrationEngineProvider.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutMyBatis = new URLClassLoader(new URL[] {adapter, spi}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.apache.ibatis.migration.MigrationLoader", false, withoutMyBatis))
                    .as("the isolated class path really lacks MyBatis")
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> providerClass = Class.forName(MyBatisEngineProvider.class.getName(), true, withoutMyBatis);
            Object provider = providerClass.getConstructor().newInstance();

            assertThat(providerClass.getMethod("id").invoke(provider)).isEqualTo("mybatis");
            assertThat(providerClass.getMethod("capabilities").invoke(provider).toString()).isEqualTo("[NATIVE_DOWNGRADE, UP_TO_DATE_CHECK]");
        }
    }

    @Test
    @DisplayName("downgrade is native (the @UNDO sections); checksums are not claimed, MyBatis records none")
    void declaresNativeDowngradeOnly() {
        assertThat(new MyBatisEngineProvider().capabilities()).isEqualTo(EnumSet.of(Capability.NATIVE_DOWNGRADE, Capability.UP_TO_DATE_CHECK));
    }
}
