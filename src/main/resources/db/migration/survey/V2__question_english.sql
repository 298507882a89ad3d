-- An optional English text per question: the public survey in English shows it, and the Chinese text where there is
-- none. The four questions every campaign starts with get theirs here.
alter table survey_question add column text_en text check (text_en is null or length(text_en) between 2 and 300);

update survey_question set text_en = 'Do you know that a campaign against gang crime is under way here?'
  where text = '您是否知道本地正在开展扫黑除恶专项斗争？';
update survey_question set text_en = 'Do you know the hotline or mailbox the inspection group published for tips?'
  where text = '您是否知道检查指导组公布的举报电话或举报信箱？';
update survey_question set text_en = 'If you came across evidence of gang crime, would you report it?'
  where text = '如发现黑恶势力违法犯罪线索，您是否愿意举报？';
update survey_question set text_en = 'Is there bullying of markets, forced contracting or other gang activity around you?'
  where text = '您身边是否存在欺行霸市、强揽工程等黑恶现象？';
