{#
  The occurrences of an alias in a text split at it (string_split(text, alias) gives the
  pieces between occurrences): the list of occurrence numbers j whose neighbours respect the
  word boundaries - no word character just before when the alias starts with one, none just
  after when it ends with one (\w, as the regular-expression rule says). An empty piece
  between two occurrences means the neighbour is the other occurrence's edge. Needs the
  columns starts_with_word and ends_with_word beside `segments`. List lambdas, hence
  dispatched.
#}
{% macro whole_word_occurrences(segments) -%}
    {{ return(adapter.dispatch('whole_word_occurrences', 'newsimpact')(segments)) }}
{%- endmacro %}

{% macro duckdb__whole_word_occurrences(segments) -%}
    list_filter(range(1, len({{ segments }})), lambda j:
        not (starts_with_word and case
            when {{ segments }}[j] <> '' then regexp_matches(right({{ segments }}[j], 1), '\w')
            else j > 1 and ends_with_word end)
        and not (ends_with_word and case
            when {{ segments }}[j + 1] <> '' then regexp_matches(left({{ segments }}[j + 1], 1), '\w')
            else j + 1 < len({{ segments }}) and starts_with_word end))
{%- endmacro %}

{% macro spark__whole_word_occurrences(segments) -%}
    {#- sequence() counts down when empty: j runs to at least 1 and is kept below the size -#}
    filter(sequence(1, greatest(size({{ segments }}) - 1, 1)), j ->
        j < size({{ segments }})
        and not (starts_with_word and case
            when element_at({{ segments }}, j) <> '' then right(element_at({{ segments }}, j), 1) rlike '\w'
            else j > 1 and ends_with_word end)
        and not (ends_with_word and case
            when element_at({{ segments }}, j + 1) <> '' then left(element_at({{ segments }}, j + 1), 1) rlike '\w'
            else j + 1 < size({{ segments }}) and starts_with_word end))
{%- endmacro %}
