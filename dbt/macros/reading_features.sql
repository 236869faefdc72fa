{#
  What the learned reading (seeds/reading_weights.csv, written by `make train`) looks at in an
  article, one row per (article_id, feature), each feature once:
    w:<word>            a word of the title, lower-cased ("w:nvidia", "w:sell-off")
    b:<word> <word>     two adjacent words of the title ("b:export controls")
    rule:<event_type>   the type's hand rule (seeds/event_types.csv) hits the title: its
                        pattern matches and its guard does not
    guarded:<event_type> its pattern matches the title and its guard vetoes it
    lexicon:<class>     the lexicon's class of the article (int_article_lexicon_sentiment), when
                        `lexicon` names that relation
  Only the features some weight of seeds/reading_weights.csv names are kept (all of them with
  var reading_features 'all', as `make train` builds them to choose its vocabulary). Training
  and scoring read the same rows (int_article_features), so the words are cut one way. The title
  alone: the labelled corpus has no summaries to learn them from.
#}
{% macro reading_features(articles, lexicon=none) %}
{%- set rules = event_type_rules() %}
select distinct features.article_id, features.feature
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
{%- if var('reading_features') == 'weighted' %}
inner join (select distinct feature as weighted from {{ ref('stg_reading_weights') }}) as weighted
    on features.feature = weighted.weighted
{%- endif %}
{% endmacro %}

{# A word: letters and digits, joined inside by ".", "&" or "-" ("u.s", "s&p", "sell-off"). #}
{% macro reading_word_pattern() %}'[a-z0-9]+(?:[.&-][a-z0-9]+)*'{% endmacro %}

{#
  Each article's likeliest class under a learned reading, from the `scores` of its classes
  (macro reading_scores); the probabilities are the softmax of the scores. Rows of (article_id, class, threshold,
  probability, positive_less_negative): the likeliest class (ties to the first by name), its
  probability and threshold, and P(positive) - P(negative), which only the sentiment has.
  Group sums rather than windows: one pass for the best score, one for the softmax.
#}
{% macro reading_decision(scores) %}
    select
        best.article_id,
        best.class,
        best.threshold,
        -- exact sums: the same article gets the same bits in any run, whatever the row order
        1 / {{ exact_sum('exp(scores.score - best.top)') }} as probability,
        ({{ exact_sum("case when scores.class = 'positive' then exp(scores.score - best.top) else 0 end") }}
            - {{ exact_sum("case when scores.class = 'negative' then exp(scores.score - best.top) else 0 end") }})
            / {{ exact_sum('exp(scores.score - best.top)') }} as positive_less_negative
    from (
        select
            article_id,
            max(score) as top,
            {{ first_by('class', ['-score', 'class']) }} as class,
            {{ first_by('threshold', ['-score', 'class']) }} as threshold
        from {{ scores }}
        group by article_id
    ) as best
    inner join {{ scores }} as scores on scores.article_id = best.article_id
    group by best.article_id, best.class, best.threshold
{% endmacro %}

{# The score of every class of the learned reading `model_name` (seeds/reading_*.csv) for every
   row of `articles`, given their `features` (rows of article_id, feature): the class's
   intercept plus the weights of the features present, summed as exact decimals so that an
   article scores the same in any run on either engine. Rows of (article_id, class, threshold,
   score). #}
{% macro reading_scores(model_name, articles, features) %}
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
{% endmacro %}
