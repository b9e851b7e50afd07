-- The three layers: raw (what arrived), staging (cleaned, typed, derived rows), marts (what analysts query).
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS marts;
