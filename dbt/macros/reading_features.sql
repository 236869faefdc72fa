{#
  What the learned reading (seeds/reading_weights.csv, written by `make train`) looks at in an
  article, one row per (article_id, feature), each feature once:
    w:<word>            a word of the title, lower-cased ("w:nvidia", "w:sell-off")
    b:<word> <word>     two adjacent words of the title ("b:export controls")
    rule:<event_type>   the type's hand rule (seeds/event_types.csv) hits the title: its
                        pattern matches and its guard does not
    guarded:<event_type> its pattern matches the title and its guard vetoes it
  Training reads the same rows (the view int_article_features), so the words are cut one way.
  The title alone: the labelled corpus has no summaries to learn them from.
#}
{% macro reading_features(articles) %}
{%- set rules = event_type_rules() %}
select distinct article_id, feature
from (
    select article_id, 'w:' || word as feature
    from (
        select article_id, {{ explode_list('words') }} as word
        from (
            select article_id, {{ all_matches('lower(title)', reading_word_pattern()) }} as words
            from {{ articles }}
        ) as split
    ) as title_words
    union all
    select article_id, 'b:' || word || ' ' || {{ list_item('words', 'position + 1') }} as feature
    from (
        select article_id, words, {{ explode_with_position('words', 'word', 'position') }}
        from (
            select article_id, {{ all_matches('lower(title)', reading_word_pattern()) }} as words
            from {{ articles }}
        ) as split
    ) as title_pairs
    where position < {{ list_length('words') }}
    {%- for event_type, pattern, guard in rules %}
    union all
    select article_id,
        case when {{ event_rule_matches('title', pattern, guard) }}
            then 'rule:{{ event_type }}' else 'guarded:{{ event_type }}' end as feature
    from {{ articles }}
    where {{ matches('title', sql_string('(?i)' ~ pattern)) }}
    {%- endfor %}
) as features
{% endmacro %}

{# A word: letters and digits, joined inside by ".", "&" or "-" ("u.s", "s&p", "sell-off"). #}
{% macro reading_word_pattern() %}'[a-z0-9]+(?:[.&-][a-z0-9]+)*'{% endmacro %}
