-- One row per article: its sentiment, the mean of its sentences' scores over the sentences that
-- hold lexicon words (0 when none does), in [-1, 1].
select
    article_id,
    coalesce(avg(case when positive_words + negative_words > 0 then sentiment end), 0.0)
        as sentiment,
    count(case when positive_words + negative_words > 0 then 1 end) as sentiment_sentences
from {{ ref('int_sentence_sentiment') }}
group by article_id
