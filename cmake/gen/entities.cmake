# Entity gazetteers generated from Debian data packages (see docs/entities.md).
set(_wn /usr/share/wordnet/data.noun /usr/share/wordnet/data.adj)
set(_iso /usr/share/iso-codes/json/iso_3166-1.json /usr/share/iso-codes/json/iso_3166-2.json)
set(_lib ${CMAKE_SOURCE_DIR}/tools/entities_sources.py ${CMAKE_SOURCE_DIR}/data/entities/places_extra.tsv)
newsgraph_generate(entities/places.tsv tools/gen_places.py ${_lib} ${_wn} ${_iso}
                   /usr/share/zoneinfo/zone1970.tab /usr/share/locale/en/LC_MESSAGES/geonames.mo)
newsgraph_generate(entities/orgs.tsv tools/gen_orgs.py ${_lib} ${_wn} ${_iso})
newsgraph_generate(entities/demonyms.tsv tools/gen_demonyms.py ${_lib} ${_wn} ${_iso}
                   ${CMAKE_SOURCE_DIR}/data/entities/demonyms_extra.tsv)
newsgraph_generate(entities/names.tsv tools/gen_names.py ${_lib} ${_wn})
newsgraph_generate(entities/common_words.txt tools/gen_common_words.py ${_lib}
                   /usr/share/dict/american-english-huge)
newsgraph_generate(entities/roles.txt tools/gen_roles.py ${_lib} ${_wn})
newsgraph_generate(entities/adjectives.txt tools/gen_adjectives.py ${_lib} /usr/share/wordnet/index.adj)
