"""Alembic environment: newsdesk runs migrations on a connection it hands over, never from a URL here."""

from alembic import context

from newsdesk.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
