-- articles_fts indexes titles only. The body was tokenised twice, once
-- here and once sentence by sentence in sentences_fts, and the
-- sentences cover every word of the body: an article search now ANDs,
-- word by word, "in the title or in one of its sentences" (see
-- Dialect.ArticleText). A tenth of the cost of storing an article was
-- the full-text index; half of that is saved.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, content = '');
INSERT INTO articles_fts (rowid, title) SELECT seq, COALESCE(title, '') FROM articles;
