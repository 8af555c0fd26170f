"""One person, one entity: the names each entity was called by, people found by family name, counts.

- `entity_names`: every form an entity was named by (its name and aliases in each article), with
  in how many articles: the entity's `aliases`, and its canonical name (the commonest full form).
- `person_surnames`: people by the spelling key of their family name. Candidates only: a person
  joins one of them when their full names agree (newsdesk.lang.names), never by surname alone.
- `mentions` keyed by (article, entity, name): when a user merges two people an article names
  both of, each keeps its row (its roles, its forms), so `entity split` can part them again;
  `mentions.aliases` holds the forms the article named the entity by, so re-relating an article
  takes back exactly what it counted.
- `person_titles`: the titles each person was given, normalised: a bare surname with a title
  ("President Trump") joins the one full-named person holding that title.
- `entities.articles`: in how many articles each entity is named, for the entity index.

Existing mentions fill `entity_names` and `entities.articles`. The weak `surname:` keys that joined
different people across articles are dropped; `newsdesk entities --rebuild` re-resolves every
stored article with the new rules (user corrections kept).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "name"),
    )
    op.create_table(
        "person_surnames",
        sa.Column("surname", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.PrimaryKeyConstraint("surname", "entity_id"),
    )
    op.create_table(
        "person_titles",
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "title"),
    )
    op.create_table(
        "mentions_new",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "entity_id", "name"),
    )
    op.execute("INSERT INTO mentions_new (article_id, entity_id, name, roles, affiliation, published, count) "
               "SELECT article_id, entity_id, name, roles, affiliation, published, count FROM mentions")
    op.drop_index("ix_mentions_entity", "mentions")
    op.drop_table("mentions")
    op.rename_table("mentions_new", "mentions")
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("articles", sa.Integer, nullable=False, server_default="0"))
    op.create_index("ix_entities_type_articles", "entities", ["type", "articles"])
    op.execute("DELETE FROM entity_aliases WHERE key LIKE 'surname:%' AND NOT pinned")
    op.execute("INSERT INTO entity_names (entity_id, name, articles) "
               "SELECT entity_id, name, COUNT(*) FROM mentions GROUP BY entity_id, name")
    op.execute("UPDATE entities SET articles = "
               "(SELECT COUNT(DISTINCT article_id) FROM mentions WHERE mentions.entity_id = entities.id)")


def downgrade() -> None:
    op.drop_index("ix_entities_type_articles", "entities")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("articles")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("aliases")
    op.drop_table("person_titles")
    op.drop_table("person_surnames")
    op.drop_table("entity_names")
