{#
  What the learned reading (seeds/reading_weights.csv, written by `make train`) looks at in an
  article, one row per (article_id, feature), each feature once:
    w:<word>            a word of the title, lower-cased ("w:nvidia", "w:sell-off")
    b:<word> <word>     two adjacent words of the title ("b:export controls")
    rule:<event_type>   (unless `rules` is false) the type's hand rule (seeds/event_types.csv) hits the title: its
                        pattern matches and its guard does not
    guarded:<event_type> its pattern matches the title and its guard vetoes it
    lexicon:<class>     the lexicon's class of the article (int_article_lexicon_sentiment), when
                        `lexicon` names that relation
  Training reads the same rows (the view int_article_features), so the words are cut one way.
  The title alone: the labelled corpus has no summaries to learn them from.
#}
{% macro reading_features(articles, lexicon=none, rules=true) %}
{%- set rules = event_type_rules() if rules else [] %}
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
    {%- if lexicon %}
    union all
    select article_id, 'lexicon:' || sentiment_class as feature
    from {{ lexicon }}
    where article_id in (select article_id from {{ articles }})
    {%- endif %}
) as features
{% endmacro %}

{# A word: letters and digits, joined inside by ".", "&" or "-" ("u.s", "s&p", "sell-off"). #}
{% macro reading_word_pattern() %}'[a-z0-9]+(?:[.&-][a-z0-9]+)*'{% endmacro %}

{#
  Each class's probability under a learned reading (seeds/reading_*.csv, model `model_name`)
  for every row of `articles`, given their `features` (rows of article_id, feature): a class's
  score is its intercept plus the weights of the features present, summed as exact decimals so
  that an article scores the same in any run on either engine; the probabilities are the softmax
  of the scores. Rows of (article_id, class, threshold, probability).
#}
{% macro reading_probabilities(model_name, articles, features) %}
    select
        article_id,
        class,
        threshold,
        odds / sum(odds) over (partition by article_id) as probability
    from (
        select
            article_id,
            class,
            threshold,
            exp(score - max(score) over (partition by article_id)) as odds
        from (
            select
                {{ articles }}.article_id,
                classes.class,
                classes.threshold,
                cast(classes.intercept + coalesce(feature_scores.score, 0) as double) as score
            from {{ articles }}
            cross join (
                select class, intercept, threshold from {{ ref('stg_reading_classes') }}
                where model = '{{ model_name }}'
            ) as classes
            left join (
                select {{ features }}.article_id, weights.class, sum(weights.weight) as score
                from {{ features }}
                inner join {{ ref('stg_reading_weights') }} as weights
                    on weights.feature = {{ features }}.feature
                    and weights.model = '{{ model_name }}'
                group by {{ features }}.article_id, weights.class
            ) as feature_scores
                on feature_scores.article_id = {{ articles }}.article_id
                and feature_scores.class = classes.class
        ) as scores
    ) as exponentiated
{% endmacro %}
