-- One row per word form the sentiment lexicon scores. seeds/sentiment_lexicon.csv lists base
-- forms ("slip", "rise", "ban"); their regular inflections are scored like them: -s or -es,
-- -ed or -d, -ing (a final e dropped: "rising"; the consonant of one syllable doubled:
-- "slipped", "banning"), a y after a consonant to -ies and -ied. A form the seed lists itself
-- keeps the seed's polarity; a generated form that two base forms disagree on is left out.
-- Forms the seed gives in -ing or -ed are taken as they are, and so are two-word phrases ("cuts
-- rates", spaces made single), which int_sentence_sentiment scores in place of their words.
with source as (
    select {{ replace_all('lower(trim(term))', "'\\s+'", "' '") }} as term,
        cast(polarity as integer) as polarity
    from {{ ref('sentiment_lexicon') }}
    where trim(term) <> ''
),

-- the base forms that take regular inflections, by the kind of ending they have
inflectable as (
    select
        term,
        polarity,
        substr(term, 1, length(term) - 1) as stem,
        case
            when term like '%e' then 'e'
            when {{ matches('term', "'[^aeiou]y$'") }} then 'consonant_y'
            when {{ matches('term', "'(s|x|z|ch|sh)$'") }} then 'sibilant'
            when {{ matches('term', "'^[^aeiou]*[aeiou][bdgklmnprt]$'") }} then 'one_syllable'
            else 'regular'
        end as ending
    from source
    where {{ matches('term', "'^[a-z]+$'") }} and not {{ matches('term', "'(ing|ed)$'") }}
),

forms as (
    select term as form, polarity, true as is_listed from source
    union all
    select
        case ending when 'consonant_y' then stem || 'ies' when 'sibilant' then term || 'es'
            else term || 's' end,
        polarity, false
    from inflectable
    union all
    select
        case ending when 'e' then term || 'd' when 'consonant_y' then stem || 'ied'
            when 'one_syllable' then term || right(term, 1) || 'ed' else term || 'ed' end,
        polarity, false
    from inflectable
    union all
    select
        case ending when 'e' then stem || 'ing'
            when 'one_syllable' then term || right(term, 1) || 'ing' else term || 'ing' end,
        polarity, false
    from inflectable
),

decided as (
    select form, polarity, is_listed from forms where form is not null
    qualify bool_or(is_listed) over (partition by form) = is_listed
)

select form as term, min(polarity) as polarity
from decided
group by form
having min(polarity) = max(polarity)
