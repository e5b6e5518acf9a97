package dev.chatmigrate.example;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Chooses the chat model before auto-configuration: OpenAI when {@code OPENAI_API_KEY} is set and the
 * jar was built with the OpenAI starter ({@code -Popenai}), otherwise {@code none}, which makes
 * {@link EchoChatModel} answer offline. The OpenAI starter's other
 * models (embedding, image, audio, moderation) stay off: the chatbot only chats. A property the
 * application sets itself ({@code spring.ai.model.chat=...}) wins.
 */
public class ModelSelection implements EnvironmentPostProcessor {

    private static final String OPENAI_AUTO_CONFIGURATION = "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String key = environment.getProperty("OPENAI_API_KEY", "");
        defaults.put("spring.ai.model.chat", key.isBlank() || !openAiPresent() ? "none" : "openai");
        for (String model : new String[] {"embedding", "image", "audio.speech", "audio.transcription", "moderation"}) {
            defaults.put("spring.ai.model." + model, "none");
        }
        environment.getPropertySources().addLast(new MapPropertySource("chatbotModelSelection", defaults));
    }

    /** Whether Spring AI's OpenAI auto-configuration is on the class path. */
    static boolean openAiPresent() {
        return ClassUtils.isPresent(OPENAI_AUTO_CONFIGURATION, ModelSelection.class.getClassLoader());
    }
}
