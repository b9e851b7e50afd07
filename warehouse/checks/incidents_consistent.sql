-- severity: error
-- description: in marts.incidents, low <= best <= high, date_start <= date_end, at least one document and count row, document_ids are those of count_rows
SELECT incident_id, count_type FROM marts.incidents
WHERE low > best OR best > high
   OR date_start > date_end
   OR number_of_documents < 1 OR number_of_documents > len(document_ids)
   OR len(count_rows) < 1
   OR list_sort(document_ids) <> list_sort(list_distinct(list_transform(count_rows, r -> r.document_id)))
   OR number_of_outlets > len(document_ids)
