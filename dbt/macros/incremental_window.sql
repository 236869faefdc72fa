{#
  The window of new raw data a run builds on (vars min_date and max_date, inclusive days), and
  what an incremental model recomputes from it. A model that replaces rows first deletes them
  in a pre-hook (replace_rows) and then appends what it computed, so rows that a rule no longer
  produces disappear too, and an incremental build ends exactly where a full one does.
#}
{% macro in_window(column) -%}
    {{ column }} >= cast('{{ var("min_date") }}' as date)
    and {{ column }} < {{ dbt.dateadd('day', 1, "cast('" ~ var('max_date') ~ "' as date)") }}
{%- endmacro %}

{# Articles with an item first fetched in the window: new, or seen earlier than before. #}
{% macro new_article_ids() -%}
    select distinct md5(article_key) from {{ ref('stg_news_items') }}
    where {{ in_window('first_fetched_at') }}
{%- endmacro %}

{# The pre-hook of an incremental model: delete the rows of `key_column` it will recompute. #}
{% macro replace_rows(key_column, keys_sql) -%}
    {% if is_incremental() %}
    delete from {{ this }} where {{ key_column }} in ({{ keys_sql }})
    {% endif %}
{%- endmacro %}

{# Stories: the articles published at or after the earliest new one can change story. #}
{% macro story_tail_start() -%}
    (select min(published_at) from {{ ref('int_articles') }}
     where article_id in ({{ new_article_ids() }}))
{%- endmacro %}

{% macro story_tail_ids() -%}
    select article_id from {{ ref('int_articles') }} where published_at >= {{ story_tail_start() }}
{%- endmacro %}

{# ... and the articles of the events (happenings) that hold any of them. #}
{% macro event_tail_article_ids() -%}
    {{ story_tail_ids() }}
    union
    select article_id from {{ ref('int_event_articles') }} where event_id in (
        select event_id from {{ ref('int_event_articles') }}
        where article_id in ({{ story_tail_ids() }}))
{%- endmacro %}

{#
  Classified events: for each (event type, primary entity) touched by a new article - where it
  is classified now, or where it was before - the articles from the earliest such one onwards
  are regrouped (event_tails gives the start per pair).
#}
{% macro event_tails() -%}
    select event_type, primary_entity_id, min(published_at) as tail_start
    from (
        select event_type, primary_entity_id, published_at from {{ ref('int_article_events') }}
        where article_id in ({{ new_article_ids() }})
        {% if is_incremental() %}
        union all
        select event_type, primary_entity_id, published_at from {{ this }}
        where article_id in ({{ new_article_ids() }})
        {% endif %}
    ) as touched
    group by event_type, primary_entity_id
{%- endmacro %}

{#
  The event study keyed by (asset, t0): rows of `alias` whose t0 is not settled in this model
  yet (new, or with a window still open). `settled` is the HAVING condition over this model's
  rows of one t0 that says it is. (NOT EXISTS: DuckDB plans a two-column NOT IN as a nested loop.)
#}
{% macro t0_not_settled(alias, settled) -%}
    {% if is_incremental() %}
    where not exists (
        select 1 from (
            select symbol, t0_index from {{ this }}
            group by symbol, t0_index
            having {{ settled }}
        ) as settled
        where settled.symbol = {{ alias }}.symbol and settled.t0_index = {{ alias }}.t0_index
    )
    {% endif %}
{%- endmacro %}

{# The post-hook of those models: drop the t0s no event has any more. #}
{% macro drop_vanished_t0s() -%}
    {% if is_incremental() %}
    delete from {{ this }} as stored where not exists (
        select 1 from {{ ref('int_event_t0') }} as t0
        where t0.symbol = stored.symbol and t0.t0_index = stored.t0_index)
    {% endif %}
{%- endmacro %}

{#
  The type-level sums by month of t0 (int_event_type_month_sums): the first month new data can
  change. A new article can regroup events from its publication on (see event_tails), new
  prices complete the windows of t0s up to event_window sessions back, and a burst is judged
  against burst_baseline_days before it: a month back from the earliest of these is ample.
#}
{% macro t0_months_from() -%}
    cast(date_trunc('month', least(
        cast('{{ var("min_date") }}' as date),
        coalesce((select min(published_at) from {{ ref('int_articles') }}
                  where article_id in ({{ new_article_ids() }})), cast('9999-12-31' as date))
    ) - interval 31 day) as date)
{%- endmacro %}
