"""The seed chatbot's models, exactly as SQLModel maps them, written for SQLAlchemy 1.4 (SQLModel is not packaged
in Debian).

SQLModel's mapping, reproduced column by column:
  str               -> AutoString, i.e. sa.String() without length: VARCHAR
  Optional[...]     -> nullable; anything else (and every primary key) -> NOT NULL
  datetime          -> sa.DateTime(): TIMESTAMP WITHOUT TIME ZONE
  uuid.UUID         -> sa.Uuid (SQLAlchemy 2), here postgresql.UUID(as_uuid=True): UUID
  int primary key   -> sa.Integer primary key: SERIAL (id: int | None = Field(default=None, primary_key=True))
  Field(index=True) -> index ix_<table>_<column>
  Field(foreign_key="conversations.id") -> an unnamed foreign key without ON DELETE
  Field(default_factory=...) -> a client-side default only: no server default

CHATMIGRATE_ORM_IDS picks the ids: "uuid" (the seed chatbot) or "integer" (SQLModel's tutorial default).
"""
import os
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import declarative_base

ID_KIND = os.environ.get("CHATMIGRATE_ORM_IDS", "uuid")
if ID_KIND not in ("uuid", "integer"):
    raise SystemExit("CHATMIGRATE_ORM_IDS must be 'uuid' or 'integer', found '%s'" % ID_KIND)

Base = declarative_base()


def _id_type():
    return postgresql.UUID(as_uuid=True) if ID_KIND == "uuid" else sa.Integer()


def _id_column():
    if ID_KIND == "uuid":
        # id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        return sa.Column("id", _id_type(), primary_key=True, nullable=False, default=uuid.uuid4)
    # id: int | None = Field(default=None, primary_key=True)
    return sa.Column("id", _id_type(), primary_key=True, nullable=False)


class Conversation(Base):
    __tablename__ = "conversations"

    id = _id_column()
    # user_id: str = Field(index=True)
    user_id = sa.Column(sa.String(), nullable=False, index=True)
    # title: Optional[str] = None
    title = sa.Column(sa.String(), nullable=True)
    # created_at: datetime = Field(default_factory=datetime.utcnow)
    created_at = sa.Column(sa.DateTime(), nullable=False, default=datetime.utcnow)
    # updated_at: datetime = Field(default_factory=datetime.utcnow)
    updated_at = sa.Column(sa.DateTime(), nullable=False, default=datetime.utcnow)


class Message(Base):
    __tablename__ = "messages"

    id = _id_column()
    # conversation_id: uuid.UUID = Field(foreign_key="conversations.id", index=True)
    conversation_id = sa.Column(_id_type(), sa.ForeignKey("conversations.id"), nullable=False, index=True)
    # role: str  ('user', 'assistant' or 'system')
    role = sa.Column(sa.String(), nullable=False)
    # content: str
    content = sa.Column(sa.String(), nullable=False)
    # created_at: datetime = Field(default_factory=datetime.utcnow)
    created_at = sa.Column(sa.DateTime(), nullable=False, default=datetime.utcnow)
