package dev.chatmigrate.testing.orm;

import dev.chatmigrate.testing.orm.jpa.Role;
import dev.chatmigrate.testing.orm.jpa.StoredConversation;
import dev.chatmigrate.testing.orm.jpa.StoredMessage;
import dev.chatmigrate.testing.orm.jpa.identity.Conversation;
import dev.chatmigrate.testing.orm.jpa.identity.Message;
import dev.chatmigrate.testing.Login;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform;

/**
 * Hibernate, bootstrapped with the settings Spring Boot gives it (its naming strategy, no JTA platform), writing the
 * chatbot's rows.
 */
final class HibernateApplication {

    /** The same conversations as the Alembic fixture's seed, with one tool call: user, title, (role, content) turns. */
    private static final List<Seed> SEEDS = List.of(
            new Seed("user-1", "Trip to Lisbon", List.of(new Turn(Role.SYSTEM, "You are a helpful assistant."),
                    new Turn(Role.USER, "Where should I eat?"), new Turn(Role.ASSISTANT, "Try the pastéis de nata in Belém ✓"))),
            new Seed("user-1", null, List.of(new Turn(Role.USER, "Hello?"), new Turn(Role.ASSISTANT, "Hi! How can I help?"))),
            new Seed("user-2", "Weather", List.of(new Turn(Role.USER, "Rain in Porto tomorrow?"),
                    new Turn(Role.TOOL, "{\"city\":\"Porto\",\"rain\":0.8}"), new Turn(Role.ASSISTANT, "Probably: take an umbrella."))));

    private record Turn(Role role, String content) {
    }

    private record Seed(String userId, String title, List<Turn> turns) {
    }

    private interface ConversationFactory {
        StoredConversation create(String userId, String title, Instant now);
    }

    private interface MessageFactory {
        StoredMessage create(StoredConversation conversation, Role role, String content, Instant now);
    }

    /** One entity set: its classes and how to make its objects. */
    private record Model(List<Class<?>> entities, ConversationFactory conversations, MessageFactory messages) {
    }

    private HibernateApplication() {
    }

    static OrmRows run(Login database, IdKind ids) {
        Model model = model(ids);
        Configuration configuration = new Configuration();
        model.entities().forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.DATASOURCE, database.dataSource("chatmigrate-test-hibernate", java.time.Duration.ofSeconds(10)));
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "update");
        configuration.setProperty(AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName());
        configuration.setProperty(AvailableSettings.JTA_PLATFORM, NoJtaPlatform.class.getName());
        List<StoredConversation> conversations = new ArrayList<>();
        List<StoredMessage> messages = new ArrayList<>();
        try (SessionFactory sessions = configuration.buildSessionFactory()) {
            sessions.inTransaction(session -> {
                for (Seed seed : SEEDS) {
                    StoredConversation conversation = model.conversations().create(seed.userId(), seed.title(), now());
                    session.persist(conversation);
                    for (Turn turn : seed.turns()) {
                        StoredMessage message = model.messages().create(conversation, turn.role(), turn.content(), now());
                        session.persist(message);
                        messages.add(message);
                    }
                    conversation.touch(now());
                    conversations.add(conversation);
                }
            });
        }
        return rows(conversations, messages);
    }

    private static Model model(IdKind ids) {
        return switch (ids) {
            case UUID -> new Model(List.of(dev.chatmigrate.testing.orm.jpa.uuid.Conversation.class, dev.chatmigrate.testing.orm.jpa.uuid.Message.class),
                    dev.chatmigrate.testing.orm.jpa.uuid.Conversation::new,
                    (conversation, role, content, now) -> new dev.chatmigrate.testing.orm.jpa.uuid.Message(
                            (dev.chatmigrate.testing.orm.jpa.uuid.Conversation) conversation, role, content, now));
            case INTEGER -> new Model(List.of(Conversation.class, Message.class), Conversation::new,
                    (conversation, role, content, now) -> new Message((Conversation) conversation, role, content, now));
        };
    }

    /** The clock at PostgreSQL's precision, so what was written and what is read back compare equal. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OrmRows rows(List<StoredConversation> conversations, List<StoredMessage> messages) {
        return new OrmRows(
                conversations.stream().map(c -> new OrmRows.Conversation(c.getId().toString(), c.getUserId(), c.getTitle(),
                        c.getCreatedAt(), c.getUpdatedAt())).toList(),
                messages.stream().map(m -> new OrmRows.Message(m.getId().toString(), m.getConversation().getId().toString(),
                        m.getRole().name(), m.getContent(), m.getCreatedAt())).toList());
    }
}
