"""Writes a few conversations and their messages through the ORM, as the seed chatbot does (timestamps from
datetime.utcnow()), then prints every row it wrote, one a line, tab-separated (\\N for None):
  conversation <id> <user_id> <title> <created_at> <updated_at>
  message <id> <conversation_id> <role> <content> <created_at>
Timestamps are ISO-8601 without zone: UTC by the utcnow() convention."""
import os
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Conversation, Message

CONVERSATIONS = [
    ("user-1", "Trip to Lisbon", [("system", "You are a helpful assistant."), ("user", "Where should I eat?"),
                                  ("assistant", "Try the pastéis de nata in Belém ✓")]),
    ("user-1", None, [("user", "Hello?"), ("assistant", "Hi! How can I help?")]),
    ("user-2", "Rust lifetimes", [("user", "What does 'a mean?"), ("assistant", "A lifetime parameter."),
                                  ("user", "Thanks")]),
]


def text(value):
    return "\\N" if value is None else str(value)


def iso(value):
    return value.isoformat(timespec="microseconds")


def main():
    engine = sa.create_engine(os.environ["CHATMIGRATE_ORM_URL"])
    conversations, messages = [], []
    with Session(engine) as session:
        for user_id, title, turns in CONVERSATIONS:
            now = datetime.utcnow()
            conversation = Conversation(user_id=user_id, title=title, created_at=now, updated_at=now)
            session.add(conversation)
            session.flush()
            for role, content in turns:
                message = Message(conversation_id=conversation.id, role=role, content=content,
                                  created_at=datetime.utcnow())
                session.add(message)
                session.flush()
                messages.append(["message", message.id, message.conversation_id, role, content, iso(message.created_at)])
            conversation.updated_at = datetime.utcnow()
            session.flush()
            conversations.append(["conversation", conversation.id, user_id, title, iso(conversation.created_at),
                             iso(conversation.updated_at)])
        session.commit()
    engine.dispose()
    for line in conversations + messages:
        print("\t".join(text(value) for value in line))


if __name__ == "__main__":
    main()
