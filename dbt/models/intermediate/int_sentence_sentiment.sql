-- One row per article sentence (the title is sentence 0; the summary is split at . ! ?, not
-- after an abbreviation) with its
-- lexicon sentiment: (positive - negative) / (positive + negative) over the lexicon words it
-- holds, 0 when it holds none. A two-word phrase of the lexicon ("cuts rates") scores in place
-- of its two words. A lexicon word within three words after a negation ("not", "no", "never",
-- "without", "hardly") counts with the opposite sign.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

lexicon as (
    select * from {{ ref('stg_sentiment_lexicon') }} where term not like '% %'
),

phrases as (
    select * from {{ ref('stg_sentiment_lexicon') }} where term like '% %'
),

sentences as (
    select article_id, 0 as sentence_index, title as sentence from articles
    union all
    select article_id, sentence_index, replace(sentence, chr(160), ' ') as sentence
    from (
        -- exploded in the select list: a lateral unnest in FROM joins back on the texts
        select article_id, {{ explode_with_position('parts', 'sentence', 'sentence_index') }}
        from (
            -- a full stop after an abbreviation ("U.S.", "No.", "Inc.", an initial) ends no
            -- sentence: its space is made a no-break space (which \s does not match) first
            select
                article_id,
                {{ split_pattern(replace_all('summary',
                    "'\\b((?:[A-Za-z]\\.){2,}|(?:No|Nos|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs'
                    || '|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Gen'
                    || '|Prof|approx|[A-Z])\\.)\\s'", group_reference(1) ~ ' || chr(160)'),
                    "'[.!?]+\\s+'") }} as parts
            from articles
        ) as split
    ) as summary_sentences
    where trim(replace(sentence, chr(160), ' ')) <> ''
),

tokens as (
    select
        article_id, sentence_index, token, position,
        -- the word with the next one, and the previous one with the word: phrase candidates
        token || ' ' || coalesce({{ list_item('words', 'position + 1') }}, '') as pair_ahead,
        coalesce({{ list_item('words', 'position - 1') }}, '') || ' ' || token as pair_behind
    from (
        select article_id, sentence_index, words,
            {{ explode_with_position('words', 'token', 'position') }}
        from (
            select
                article_id,
                sentence_index,
                {{ all_matches('lower(sentence)', "'[a-z]+(?:-[a-z]+)*'") }} as words
            from sentences
        ) as split
    ) as exploded
),

-- only the words that can count: lexicon words, the first words of lexicon phrases (which score
-- for the phrase) and negations (a hash join keeps the rest out of the negation look-up); the
-- second word of a phrase scores nothing of its own
marked as (
    select
        tokens.article_id,
        tokens.sentence_index,
        tokens.position,
        case
            -- a word that ends one phrase and would start another scores neither twice
            when ahead.term is not null and behind.term is null then ahead.polarity
            when behind.term is null then lexicon.polarity
        end as polarity,
        tokens.token in ('not', 'no', 'never', 'without', 'hardly') as is_negation
    from tokens
    left join phrases as ahead on tokens.pair_ahead = ahead.term
    left join phrases as behind on tokens.pair_behind = behind.term
    left join lexicon on tokens.token = lexicon.term
    where (ahead.term is not null and behind.term is null)
        or lexicon.term is not null
        or tokens.token in ('not', 'no', 'never', 'without', 'hardly')
),

scored as (
    select
        words.article_id,
        words.sentence_index,
        words.polarity * case when exists (
            select 1 from marked as negation
            where negation.is_negation
                and negation.article_id = words.article_id
                and negation.sentence_index = words.sentence_index
                and negation.position between words.position - 3 and words.position - 1
        ) then -1 else 1 end as polarity
    from marked as words
    where words.polarity <> 0
),

per_sentence as (
    select
        article_id,
        sentence_index,
        count(case when polarity > 0 then 1 end) as positive_words,
        count(case when polarity < 0 then 1 end) as negative_words
    from scored
    group by article_id, sentence_index
)

select
    sentences.article_id,
    sentences.sentence_index,
    sentences.sentence,
    coalesce(per_sentence.positive_words, 0) as positive_words,
    coalesce(per_sentence.negative_words, 0) as negative_words,
    coalesce((per_sentence.positive_words - per_sentence.negative_words)
        / nullif(per_sentence.positive_words + per_sentence.negative_words, 0), 0.0) as sentiment
from sentences
left join per_sentence
    on sentences.article_id = per_sentence.article_id
    and sentences.sentence_index = per_sentence.sentence_index
