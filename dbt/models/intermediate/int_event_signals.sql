-- One row per signal (a classified event or an attention burst, int_signal_articles) with the
-- event it belongs to: one event per happening. Two signals report the same happening when
-- they were first seen at most event_merge_hours apart and share stories (a story is a set of
-- near-duplicate articles, int_stories): at least event_merge_overlap of the smaller signal's
-- stories are the other's too, so that one roundup naming two happenings in passing does not
-- join them. Different outlets write one happening in different words, so two classified
-- signals also report it when first seen at most event_merge_actor_hours apart and their
-- articles name event_merge_actors entities in common, a company, product or token among them
-- (the BBC's "DeepSeek's 'cheap' Chinese AI chatbot sparks tech stock selloff" and Ars
-- Technica's "DeepSeek panic triggers tech stock sell-off as Chinese AI tops App Store" share
-- DeepSeek, China and tech stocks); a country or a person in common is not enough, nor an
-- actor that more than event_merge_actor_max_signals signals name in one bucket of that many
-- hours (counted from the epoch). Two
-- classified signals of different entities must also be about each other: the articles of one
-- name the other's entity (NVIDIA's sell-off reports name DeepSeek), since templated headlines
-- ("X posts quarterly revenue well away from estimates") put two companies' results in one
-- story. A burst (an entity's attention, which on a busy day holds reports of several
-- happenings) joins other bursts by shared stories, and of the classified signals only the one
-- it shares most stories with. An event is a connected group of such signals, identified and
-- dated by its earliest classified signal (first_seen_at, then id), or its earliest burst when
-- it has none: a burst starts with the first of a run of articles about its entity, which may
-- precede the happening. A happening of one signal keeps that signal's id.
--
-- The groups are found without recursion: each signal starts with its own rank as label, and a
-- round takes the smallest label among the signal and its neighbours, so event_merge_rounds
-- rounds settle a group whose signals are at most that many steps apart; is_merge_resolved says
-- whether they sufficed (a warning test).
-- Cost: pairs of signals that share a story, which a story's few entities and types bound,
-- and pairs of classified signals that name one actor within event_merge_actor_hours, which
-- event_merge_actor_max_signals bounds.
{%- set rounds = var('event_merge_rounds') %}

with signal_articles as (
    select * from {{ ref('int_signal_articles') }}
),

signal_stories as (
    select distinct signal_articles.signal_id, stories.story_id
    from signal_articles
    inner join {{ ref('int_stories') }} as stories
        on signal_articles.article_id = stories.article_id
),

signals as (
    select
        signal_articles.signal_id,
        any_value(signal_articles.event_type) as event_type,
        any_value(signal_articles.primary_entity_id) as primary_entity_id,
        any_value(signal_articles.first_seen_at) as first_seen_at,
        count(distinct signal_articles.article_id) as n_articles,
        any_value(story_counts.n_stories) as n_stories
    from signal_articles
    inner join (
        select signal_id, count(*) as n_stories from signal_stories group by signal_id
    ) as story_counts on signal_articles.signal_id = story_counts.signal_id
    group by signal_articles.signal_id
),

ranked as (
    select *, row_number() over (order by case when event_type = 'attention_burst' then 1 else 0 end,
        first_seen_at, signal_id) as signal_rank
    from signals
),

-- the entities each signal's articles name
signal_entities as (
    select distinct signal_articles.signal_id, mentions.entity_id, mentions.entity_type
    from signal_articles
    inner join {{ ref('int_entity_mentions') }} as mentions
        on signal_articles.article_id = mentions.article_id
),

story_pairs as (
    select first.signal_id, second.signal_id as other_id, count(*) as n_shared_stories
    from signal_stories as first
    inner join signal_stories as second
        on first.story_id = second.story_id and first.signal_id <> second.signal_id
    group by first.signal_id, second.signal_id
),

-- the actors (companies, products, tokens) that classified signals name, in buckets as wide
-- as event_merge_actor_hours (plus a minute: datediff counts minute boundaries), so that two
-- signals within that window are at most one bucket apart
actor_buckets as (
    select
        signal_entities.signal_id,
        signal_entities.entity_id,
        ranked.first_seen_at,
        floor({{ epoch_seconds('ranked.first_seen_at') }}
              / ({{ var('event_merge_actor_hours') }} * 3600 + 60)) as bucket
    from signal_entities
    inner join ranked on signal_entities.signal_id = ranked.signal_id
    where ranked.event_type <> 'attention_burst'
        and signal_entities.entity_type in ('company', 'product', 'token')
),

-- an actor that more than event_merge_actor_max_signals signals name in one bucket (a token
-- every crypto report names, a day that holds a month of news) tells no happening from another
-- and joins none; this also bounds the pairs below by the square of that number per bucket
actor_mentions as (
    select signal_id, entity_id, first_seen_at, bucket
    from (
        select *, count(*) over (partition by entity_id, bucket) as n_signals
        from actor_buckets
    ) as counted
    where n_signals <= {{ var('event_merge_actor_max_signals') }}
),

-- pairs of classified signals first seen at most event_merge_actor_hours apart that name a
-- common actor; cost: at most 3 event_merge_actor_max_signals^2 per actor and bucket
actor_pairs as (
    select distinct first.signal_id, second.signal_id as other_id
    from actor_mentions as first
    inner join (
        select actor_mentions.signal_id, actor_mentions.entity_id, actor_mentions.first_seen_at,
            actor_mentions.bucket + shifts.shift as bucket
        from actor_mentions
        cross join (select -1 as shift union all select 0 union all select 1) as shifts
    ) as second
        on first.entity_id = second.entity_id and first.bucket = second.bucket
        and first.signal_id <> second.signal_id
    where abs({{ dbt.datediff('first.first_seen_at', 'second.first_seen_at', 'minute') }})
        <= {{ var('event_merge_actor_hours') }} * 60
),

-- how many entities (of any kind) such a pair names in common
entity_pairs as (
    select actor_pairs.signal_id, actor_pairs.other_id, count(*) as n_shared_entities
    from actor_pairs
    inner join signal_entities as first on actor_pairs.signal_id = first.signal_id
    inner join signal_entities as second
        on actor_pairs.other_id = second.signal_id and first.entity_id = second.entity_id
    group by actor_pairs.signal_id, actor_pairs.other_id
),

shared as (
    select signal_id, other_id, sum(n_shared_stories) as n_shared_stories,
        sum(n_shared_entities) as n_shared_entities
    from (
        select signal_id, other_id, n_shared_stories, 0 as n_shared_entities from story_pairs
        union all
        select signal_id, other_id, 0 as n_shared_stories, n_shared_entities from entity_pairs
    ) as both_kinds
    group by signal_id, other_id
),

-- pairs of signals first seen at most event_merge_hours apart that share stories, or
-- classified signals first seen at most event_merge_actor_hours apart that name
-- event_merge_actors entities in common, an actor among them
pairs as (
    select
        first.signal_rank as node,
        second.signal_rank as neighbour,
        first.event_type = 'attention_burst' as node_is_burst,
        second.event_type = 'attention_burst' as neighbour_is_burst,
        shared.n_shared_stories,
        shared.n_shared_stories
            >= {{ var('event_merge_overlap') }} * least(first.n_stories, second.n_stories)
            or shared.n_shared_entities >= {{ var('event_merge_actors') }}
            as reports_together,
        first.primary_entity_id = second.primary_entity_id
            or first_names.entity_id is not null or second_names.entity_id is not null
            as about_each_other
    from shared
    inner join ranked as first on shared.signal_id = first.signal_id
    inner join ranked as second on shared.other_id = second.signal_id
    left join signal_entities as first_names
        on first.signal_id = first_names.signal_id
        and second.primary_entity_id = first_names.entity_id
    left join signal_entities as second_names
        on second.signal_id = second_names.signal_id
        and first.primary_entity_id = second_names.entity_id
    where abs({{ dbt.datediff('first.first_seen_at', 'second.first_seen_at', 'minute') }})
        <= {{ var('event_merge_hours') }} * 60
),

-- a burst is the attention a happening drew, and a busy entity's burst holds reports of
-- other happenings too: it joins only the classified signal it shares most stories with
burst_partners as (
    select node as burst, {{ first_by('neighbour', ['-n_shared_stories', 'neighbour']) }} as partner
    from pairs
    where node_is_burst and not neighbour_is_burst
    group by node
),

-- both directions of every pair that reports one happening
edges as (
    select pairs.node, pairs.neighbour
    from pairs
    left join burst_partners as node_partner on pairs.node = node_partner.burst
    left join burst_partners as neighbour_partner on pairs.neighbour = neighbour_partner.burst
    where pairs.reports_together
        and pairs.about_each_other
        and (pairs.node_is_burst = pairs.neighbour_is_burst
             or node_partner.partner = pairs.neighbour or neighbour_partner.partner = pairs.node)
),

-- every signal is its own neighbour, so that one join per round reads the labels once (Spark
-- inlines a CTE at every reference: two per round would double the plan each round)
linked as (
    select node, neighbour from edges
    union all
    select signal_rank, signal_rank from ranked
),

label_0 as (
    select signal_rank as node, signal_rank as label from ranked
),
{% for round in range(1, rounds + 1) %}
label_{{ round }} as (
    select linked.node, min(previous.label) as label
    from linked
    inner join label_{{ round - 1 }} as previous on linked.neighbour = previous.node
    group by linked.node
),
{% endfor %}

-- a signal whose neighbours (itself among them) do not all have its label yet: a grouped
-- aggregate, since DuckDB plans a join on label <> label as a nested loop (237M rows at M)
unresolved as (
    select linked.node
    from linked
    inner join label_{{ rounds }} as neighbour_label on linked.neighbour = neighbour_label.node
    group by linked.node
    having min(neighbour_label.label) <> max(neighbour_label.label)
)

select
    event.signal_id as event_id,
    ranked.signal_id,
    ranked.event_type,
    ranked.primary_entity_id,
    ranked.first_seen_at,
    ranked.n_articles,
    ranked.n_stories,
    unresolved.node is null as is_merge_resolved
from ranked
inner join label_{{ rounds }} as labels on ranked.signal_rank = labels.node
inner join ranked as event on labels.label = event.signal_rank
left join unresolved on ranked.signal_rank = unresolved.node
