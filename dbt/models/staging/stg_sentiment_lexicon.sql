-- One row per word form the sentiment lexicon scores. seeds/sentiment_lexicon.csv lists base
-- forms ("slip", "rise", "ban"); their regular inflections are scored like them: -s or -es,
-- -ed or -d, -ing (a final e dropped: "rising"; the consonant of one syllable doubled:
-- "slipped", "banning"), a y after a consonant to -ies and -ied. A form the seed lists itself
-- keeps the seed's polarity; a generated form that two base forms disagree on is left out.
-- Forms the seed gives in -ing or -ed are taken as they are, and so are two-word phrases ("cuts
-- rates", spaces made single), which int_sentence_sentiment scores in place of their words.
with source as (
    select regexp_replace(lower(trim(term)), '\s+', ' ', 'g') as term,
        cast(polarity as integer) as polarity
    from {{ ref('sentiment_lexicon') }}
    where trim(term) <> ''
),

forms as (
    select term as form, polarity, true as is_listed from source
    union all
    select
        unnest(case
            when term like '%e' then [term || 's', term || 'd', left(term, -1) || 'ing']
            when regexp_matches(term, '[^aeiou]y$')
                then [left(term, -1) || 'ies', left(term, -1) || 'ied', term || 'ing']
            when regexp_matches(term, '(s|x|z|ch|sh)$')
                then [term || 'es', term || 'ed', term || 'ing']
            when regexp_matches(term, '^[^aeiou]*[aeiou][bdgklmnprt]$')  -- one syllable: doubled
                then [term || 's', term || right(term, 1) || 'ed',
                      term || right(term, 1) || 'ing']
            else [term || 's', term || 'ed', term || 'ing']
        end) as form,
        polarity,
        false as is_listed
    from source
    where regexp_matches(term, '^[a-z]+$') and not regexp_matches(term, '(ing|ed)$')
),

decided as (
    select form, polarity, is_listed from forms where form is not null
    qualify bool_or(is_listed) over (partition by form) = is_listed
)

select form as term, min(polarity) as polarity
from decided
group by form
having min(polarity) = max(polarity)
