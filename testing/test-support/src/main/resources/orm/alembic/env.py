"""Alembic's environment for the seed chatbot's models: online only, the URL from CHATMIGRATE_ORM_URL (a libpq
password, if any, comes from PGPASSWORD, never from the URL)."""
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

import models

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = models.Base.metadata


def run_migrations_online():
    engine = create_engine(os.environ["CHATMIGRATE_ORM_URL"], poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("This environment runs online only: drop --sql")
run_migrations_online()
