"""Speakers that follow the discourse (issue 17): passages from ../shared/data/news, BBC and Utusan.

Each passage is copied from a real article (BBC ``bbc/``, Utusan ``utusan.csv``); before these rules
the quote went to the wrong person: the last speech subject instead of the person just named, a
name inside quoted words, an organisation or a place.
"""

import pytest

from newsetl.transforms.entities.mentions import entity_mentions
from newsetl.transforms.facts.quotes import quotes


def speaker_of(text: str, opening: str, language: str) -> str | None:
    """Return the speaker of the quote that opens with ``opening``, from the pipeline's own mentions."""
    found = [q for q in quotes(text, entity_mentions(text, language), language) if q.quote_text.startswith(opening)]
    assert found, [q.quote_text[:30] for q in quotes(text, entity_mentions(text, language), language)]
    return found[0].speaker_text


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # "he" is Tim Collins, named after Ms Kelly spoke; Ms Kelly is a she.
        ("Ms Kelly said reforms should build on GCSEs and A-levels. Her comments did not impress Tory shadow "
         "education secretary Tim Collins. \"Ruth Kelly wants to ditch the Tomlinson report on exam structures but "
         "has absolutely no idea what to put in its place,\" he said.", "Ruth Kelly wants", "Tim Collins"),
        # "He said:" after the sentence whose subject is Mr Hague, not Tim Collins who said something earlier.
        ("Tim Collins, the shadow education secretary, said last week it would be a \"huge boost\" to the party if "
         "Mr Hague returned to the front bench. Mr Hague became an MP at 27 and Leader of the Opposition at 36. He "
         "said: \"I feel fortunate that, by the age of 40, I had crammed in an entire political career. \"I had been in "
         "the Cabinet and been leader of the party, so now I can branch out into other things...it is a very "
         "liberating feeling.\" Mr Hague added that he may have misjudged his own ambition to be prime minister.", "I feel",
         "Hague"),
        # "She said:" goes to the she of the sentence before, Nicola Sturgeon.
        ("The Scottish National Party's Holyrood leader, Nicola Sturgeon, welcomed the move but added that the public "
         "should be consulted as the clock ticked towards the ban date. She said: \"The time has come for a ban on "
         "smoking in public places. \"There is evidence a ban can cut deaths from passive smoking and makes it easier "
         "for the 70% of smokers who desperately want to give up the habit. \"But we must also recognise that some "
         "people have concerns and reservations - there are people who are yet to be persuaded.\"",
         "The time has come", "Nicola Sturgeon"),
        # Inverted "said Mr Clarke" is a speech act, later than Mr Martin's mention.
        ("The barrister who had represented Mr Martin had said the rules were \"weighted overwhelmingly\" in favour "
         "of the householder, said Mr Clarke. He said: \"The problem is there has not been enough understanding of "
         "it - that was the point Sir John Stevens was making.\"", "The problem is", "Clarke"),
        # A definite description refers back to the person named before it.
        ("Hazel Blears said innocent Muslims would be targeted because of the search for Islamic extremists. "
         "Qualifications for religious leaders to enter the UK could also be made tougher, she told a Commons "
         "inquiry.\n\n\"The threat is most likely to come from those people associated with an extreme form of Islam, "
         "or who are falsely hiding behind Islam,\" the Salford MP told the Commons home affairs committee.",
         "The threat is", "Hazel Blears"),
        # An organisation or a film and an occupation before the person's name: the person speaks.
        ("\"Ossie was my hero, and he still is,\" said Aviator star Alan Alda, a family friend for over forty years.",
         "Ossie was my hero", "Alan Alda"),
        ("\"The modest rise in mortgage approvals and lending in December reinforces the impression that the housing "
         "market is currently slowing steadily rather than sharply,\" said Global Insight analyst Howard Archer, "
         "commenting on the BoE's figures.", "The modest rise", "Howard Archer"),
        # Sentences opening with "He" go on about Adam Curry; the names they mention are not "he".
        ("For his part, Adam Curry's pressing ahead with his own vision of what podcasting should be. He loves doing "
         "The Daily Source Code because it is about introducing good music and cool ideas to new audiences. He has "
         "even been called the Ed Sullivan or Johnny Carson of podcasting which, he says, \"is a badge I'll wear with "
         "great honour. \"To be the Johnny Carson, or Ed Sullivan of anything is wonderful.\"", "is a badge",
         "Adam Curry"),
        # "according to the Bishop" and "he said" go back to the person the text made Bishop.
        ("The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as a \"great thriller\" but \"lousy "
         "history\". The book has sold more than seven million copies worldwide. A great deal of credible evidence "
         "proves the Biblical version of Jesus' life was true, according to the Bishop. \"The evidence for Jesus and "
         "the origins of Christianity is astonishingly good,\" he said.", "The evidence for Jesus", "Tom Wright"),
        # "Name from Company said": the person speaks, and so does the continuation.
        ("\"We're a nation of lazy so-and-sos,\" David Noone from Intervoice said. \"We put the numbers in our phones "
         "so we can call a friend at the touch of just one or two buttons.\"", "We're a nation", "David Noone"),
        # "But he said ..." continues Adam Landes; Gazprom named in it is not "he".
        ("\"Yugansk is a heavy cashflow generator and would have been a much better asset for Gazprom,\" Renaissance "
         "Capital energy analyst Adam Landes told Reuters news agency. But he said the latest development was simply "
         "an interim step to allow foreigners to trade in Gazprom. \"Ultimately and industrially, Gazprom needs "
         "Yugansk,\" he added.", "Ultimately", "Adam Landes"),
    ],
)
def test_english_speakers_follow_the_discourse(text, opening, speaker):
    assert speaker_of(text, opening, "en") == speaker


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # "Bekas ahli Parlimen Sepanggar itu berkata": a description of Mohd. Azis Jamman, not a person "Sepanggar".
        ("Ketua Penerangan Warisan, Datuk Mohd. Azis Jamman berkata, video rakaman salah seorang bekas ADUN Warisan "
         "yang tular jelas membuktikan bahawa pemimpin itu dihubungi.\n\nBekas ahli Parlimen Sepanggar itu berkata, "
         "semasa wakil rakyat itu berjumpa dengan Presiden, Datuk Seri Mohd. Shafie Apdal sebelum ini, beliau "
         "sendiri mengakui dan memaklumkan ‘akan dihubungi’ serta ditawarkan imbuhan.\n\n“Rakyat di luar sana "
         "mungkin anda boleh bohong, ingat anda itu beragama Islam siap berpakaian seumpama orang yang faham hukum "
         "agama.”", "Rakyat di luar", "Azis Jamman"),
        # "Menurut X," makes X the current speaker; the donor named after him does not speak.
        ("Menurut Mohd. Isham Md. Isa, 44, dia terkejut menerima hadiah sumbangan Ahli Parlimen Padang Terap, Datuk "
         "Seri Mahdzir Khalid itu yang dianggap sangat bernilai  dan tidak menjangkakannya.\n\nBegitu pun katanya, dia "
         "berterima kasih terhadap pemberian tersebut.\n\n“Sejak beberapa tahun lalu, memang saya ada mengumpul wang "
         "untuk membeli motor baharu tetapi tak sangka pula mendapat rezeki ini, hari ini,” katanya.",
         "Sejak beberapa", "Mohd. Isham Md. Isa"),
        # No speech verb before: "katanya" is the subject of the sentence before, not the coach it names last.
        ("Biarpun Leicester bergelut musim ini, Maddison bermain di tahap tinggi dan berharap dapat meraih "
         "kepercayaan Southgate untuk dibawa ke Piala Dunia di Qatar.\n\n“Ia situasi yang pelik buat saya. Kami "
         "berada di tangga kedua tercorot (Liga Perdana) tetapi saya bermain pada keyakinan tertinggi,” katanya.",
         "Ia situasi", "Maddison"),
        # "Akramuddin, memberitahu, ...": a name set off by a comma is the subject of memberitahu.
        ("Sementara itu, beliau memberitahu, pihak Astro telah sudi untuk menaikkan hadiah wang kemenangan.\n\n"
         "Akramuddin, memberitahu, pihaknya juga merancang untuk membawa penganjuran STL ke Malaysia Timur jika tiada "
         "halangan.\n\n“Tidak ada kemungkinan yang tidak boleh kita lakukan, semuanya boleh dilaksanakan,” jelasnya.",
         "Tidak ada kemungkinan", "Akramuddin"),
        # "kata Menteri Belia dan Sukan, Hannah Yeoh": the name after the title speaks, not "Belia" in the title.
        ("KUALA LUMPUR: Dengan mengambil kira 65 peratus atlet yang dihantar ke Sukan SEA 2023 di Kemboja terdiri "
         "adalah muka baharu, sasaran 40 pingat emas, 37 perak dan 64 gangsa dianggap realistik, kata Menteri Belia "
         "dan Sukan, Hannah Yeoh.\n\nSasaran 40 emas hanya satu lebih daripada pungutan 39 emas yang diraih di "
         "Vietnam tahun lalu.\n\n“Oleh itu, sasaran ditetapkan adalah 40 emas, 37 perak dan 64 gangsa,” katanya ",
         "Oleh itu", "Hannah Yeoh"),
        # A name inside quoted words ("Mizz Nina menyatakan") is no speech act of the narrative.
        ("PETALING JAYA: Vokalis kumpulan Hujan, Noh Salleh, memohon maaf secara terbuka kepada ibu kandung anak "
         "angkatnya, Wan Nuraisyah Athirah.\n\nDalam satu kenyataan yang dimuat naik menerusi Instagram, penyanyi "
         "Angin Kencang itu mengakui tidak mengetahui perjanjian larangan memuat naik gambar anak angkatnya, Musa di "
         "mana-mana platform media sosial.\n\n“Saya tidak tahu akan perjanjian yang dibuat oleh pihak ibu kandung "
         "dan pihak bekas isteri saya, Mizz Nina menyatakan kami dilarang memuat naik gambar muka Musa di platform "
         "media sosial\n\n“Sebagai seorang manusia biasa, saya pasti ada membuat kesilapan kerana tidak memikirkan "
         "sensitiviti beliau sebagai ibu kandung.\n\n“Saya terlalu mengikut perasaan rindu kepada Musa dan telah "
         "memuat naik gambar anak saya, sama seperti ibu bapa lain di luar sana,” tulisnya.",
         "Saya terlalu", "Noh Salleh"),
        # "Menurut Ketua Cabang ... (PKR) itu,": a description of Azan Ismail, named just before.
        ("Calon PH Parlimen Kuala Terengganu, Azan Ismail berkata, agenda itu penting untuk direalisasikan sejajar "
         "dengan hasrat kerajaan bawah pimpinan Perdana Menteri, Datuk Seri Anwar Ibrahim.\n\nMenurut Ketua Cabang "
         "Parti Keadilan Rakyat (PKR) itu, pengundi di negeri ini harus mengambil peluang memastikan polisi kerajaan "
         "persekutuan dapat diselaraskan di peringkat negeri.\n\n“Jadi kita yakin rakyat di negeri ini akan memilih PH "
         "dan BN untuk mengambil alih m kerajaan negeri sekaligus membantu kerajaan pusat menyelesaikan isu "
         "berkenaan,” katanya.", "Jadi kita yakin", "Azan Ismail"),
        # "Marzita Othman, 40, pula berkata,": pula is an adverb, the age an apposition.
        ("Seorang peniaga ayam, Ku Rusmiza Ku Desa, 40, berkata, harga ayam didapati meningkat sebanyak empat kali "
         "sejak awal bulan ini.\n\nSeorang peniaga sayur, Marzita Othman, 40, pula berkata, dia terpaksa mengambil "
         "bekalan sawi dari Thailand berikutan sawi Cameron Highlands mengalami kenaikan cukup tinggi.\n\n“Oleh kerana "
         "harga yang terlalu mahal, saya memilih untuk mengambil sawi dari Thailand iaitu RM50 untuk 10 kilogram,” "
         "katanya.", "Oleh kerana", "Marzita Othman"),
        # "X yang juga Menteri Dalam Negeri berkata": X speaks, not "Negeri" at the end of the title (Utusan).
        ("Saifuddin Nasution yang juga Menteri Dalam Negeri berkata, mana-mana cadangan yang dikemukakan dan mendapat "
         "sokongan semua parti sahaja akan dimasukkan.\n\n“(Tan Sri) Wan Junaidi Tuanku Jaafar sebagai pengerusi "
         "mengusulkan hanya cadangan yang mendapat konsensus semua parti yang akan dimasukkan.\n\n“Akhirnya keadaan "
         "bagaimana yang dikira ahli parlimen hilang kerusi? Isytihar masuk parti lain, isytihar jadi ahli parlimen "
         "bebas. Istihar sokong Perdana Menteri? Tidak hilang kerusi, sekian,” katanya.", "(Tan Sri)",
         "Saifuddin Nasution"),
        # "Kata Sasha, menurut Seksyen 23 ...": the sentence-opening cue names Sasha; a numbered section of a law
        # ("Seksyen 23") is no speaker (Utusan).
        ("Kata Sasha, menurut Seksyen 23 Enakmen Undang-Undang Keluarga Islam (Negeri Selangor) 2003, permohonan "
         "harus disertakan dengan alasan mengapa perkahwinan yang dicadangkan itu patut atau perlu.\n\nIa juga "
         "mengambil kira pendapatan suami pada masa itu, butir-butir komitmen, kewajipan tanggungan kewangan,  "
         "bilangan orang tanggungan termasuk yang akan menjadi tanggungan (perkahwinan baharu).\n\n“Ketika inilah "
         "isteri boleh bersuara dan memberitahu mahkamah sekiranya suami telahpun selama ini berlaku tidak adil atau "
         "berpotensi untuk berlaku tidak adil atau ada nafkah tertunggak dan sebagainya.\n\n“Malah, isteri juga "
         "boleh memberitahu kepada mahkamah sekiranya mereka suami ada melakukan ugutan cerai sekiranya mereka tidak "
         "ke mahkamah dan menyokong permohonan poligami yang dibuat,” katanya lagi.", "Malah, isteri", "Sasha"),
        # Two people: "menyarankan" and "mengingatkan" are speech verbs, so "katanya" is Khairy, named after
        # "Menurut Ismail Sabri" (Utusan).
        ("Menurut Ismail Sabri, peratusan rakyat Malaysia dewasa yang lengkap divaksinasi mencapai 90 peratus.\n\n"
         "Melalui hantaran tersebut, Khairy Jamaluddin menyarankan orang ramai untuk mengamalkan TRISS, iaitu test "
         "(ujian), report (lapor), isolate (kuarantin atau pengasingan kendiri), inform (memaklumkan) dan seek "
         "(mendapatkan rawatan segera).\n\nBeliau mengingatkan syarikat konsesi agar dapat memastikan pengudaraan "
         "baik dan melaksanakan penjarakan fizikal di lokasi berisiko tinggi di Hentian Rehat dan Rawat (R&R) lebuh "
         "raya.\n\n“Syarikat tersebut juga perlu bersedia untuk menerima bilangan kenderaan tinggi yang dijangka "
         "berlaku pada hujung minggu ini,” katanya.", "Syarikat tersebut", "Khairy Jamaluddin"),
        # "Misha Omar yang hadir merasmikan majlis ... berkata": the name before a relative clause is the
        # subject, not the author quoted before her (Utusan).
        ("Menurut Maliah, buku ini diilhamkan selepas melihat ada dalam kalangan pesakit yang tidak mahu mengaku "
         "sakit.\n\nSementara itu, penyanyi Misha Omar yang hadir merasmikan majlis pelancaran buku berkenaan "
         "berkata, penghasilan naskhah itu dilihat sebagai langkah yang baik sewaktu ramai orang berdepan dengan "
         "masalah yang sama, tetapi malu untuk menyuarakannya.\n\n“Sudah tiba masanya pesakit mental membuang rasa "
         "takut dikecam hanya semata-mata kerana penyakit ini disifatkan dengan bahasa mudah, ‘gila’.\n\n“Keluar dan "
         "bersuara jika itu boleh menjadi saluran untuk membantu perkembangan agar mereka pulih. Jangan takut untuk "
         "sayangi diri dan menjadi sihat seperti sedia kala,” katanya.", "Keluar dan", "Misha Omar"),
        # "Hadir" (attending) opens a sentence but names no one; "mengucapkan terima kasih" is a speech act.
        ("Hadir menyampaikan hadiah ialah Pengarah Eksekutif LBS Bina Group Berhad, Datuk Cynthia Lim; Timbalan "
         "Ketua Pegawai Eksekutif LBS, Lucas Lim; dan Pengurus Besar, Pemasaran dan Pertumbuhan Pelanggan Watsons "
         "Malaysia, Danny Hoh.\n\nDalam pada itu, pemenang terbabit, Nurul Iylia Sabeela mengucapkan terima kasih "
         "kepada Watsons Malaysia dan LBS kerana menjadikan impiannya kenyataan.\n\n“Saya telah menjadi ahli Watsons "
         "Club bertahun dan memenangi rumah daripada jenama kegemaran saya, terasa seperti mimpi,” katanya.",
         "Saya telah", "Nurul Iylia Sabeela"),
        # "Menurut Peguam Syariah, Sasha Lyna Abdul Latif,": the lawyer's title ends at the comma, the name follows.
        ("Menurut Peguam Syariah, Sasha Lyna Abdul Latif, apabila suami memohon kebenaran untuk berpoligami, "
         "permohonan tersebut akan diserahkan kepada isteri sedia ada untuk memaklumkan berkenaan satu permohonan "
         "telah difailkan oleh suami dan untuk isteri hadir dalam prosiding.\n\n“Ia bermakna selepas permohonan "
         "dilakukan oleh suami, isteri akan dinamakan sebagai defendan dan perlu hadir ke mahkamah,” katanya.",
         "Ia bermakna", "Sasha Lyna Abdul Latif"),
        # "si suami dari Panggungrejo mendakwa": the place after "dari" is not the subject; no one is named.
        ("Selepas bergaduh, si suami dari Panggungrejo mendakwa, isterinya tidak pulang ke rumah.\n\nDia dan "
         "anak-anak dikatakan pulang ke rumah abangnya dan menetap di situ selama tiga hari.\n\n“Kemudian saya "
         "mengambilnya dan mahu pulang. Tiga hari di rumah, dia melarikan diri lagi,” jelasnya.", "Kemudian saya",
         None),
        # "Pihaknya menekankan" (his side stressed) refers back to the speaker; it names no one (Detik).
        ("\"Menambah satu petugas khusus di setiap unit itu tidak mudah karena berarti menambah anggaran. Tapi ini "
         "sudah disetujui, dan ini langkah luar biasa untuk menjaga keamanan pangan,\" kata Benny.\nKemenkes juga telah "
         "memberikan masukan terhadap Peraturan Presiden (Perpres) terkait tata kelola MBG. Usulan tersebut kini tengah "
         "dibahas di tingkat pemerintah pusat bersama Badan Gizi Nasional (BGN). Pihaknya menekankan, program MBG "
         "masih dalam tahap awal dan akan terus disempurnakan.\n\n\"Usulan Perpres sudah masuk dan kami sudah berikan "
         "masukan. Semua kementerian terkait juga dilibatkan,\" tegasnya.", "Usulan Perpres", "Benny"),
        # "Adly yang juga Ahli Dewan Undangan Negeri (ADUN) Bukit Katil berkata": a title with a bracketed
        # acronym after "yang juga"; the seat is no speaker (Utusan).
        ("Adly yang juga Ahli Dewan Undangan Negeri (ADUN) Bukit Katil berkata, buku setebal 322 muka surat itu "
         "merupakan catatan peribadi beliau sejak memenangi Pilihan Raya Umum Ke-14 (PRU-14) pada 2018 sehingga "
         "kejatuhan kerajaan PH Melaka pada 2 Mac 2020, ekoran Langkah Sheraton.\n\nKatanya, buku tersebut "
         "menjelaskan bagaimana kerajaan PH Melaka dibentuk, bermula dengan pelantikannya sebagai Ketua Menteri.\n\n"
         "“Saya turut menceritakan cabaran yang dilalui serta usaha-usaha yang dilaksanakan dalam tempoh 22 bulan "
         "tersebut bagi menjayakan aspirasi rakyat yang telah memilih PH.”", "Saya turut", "Adly"),
        # "Wisma Putra dalam satu kenyataan memaklumkan,": the subject comes before "dalam satu kenyataan", not
        # the place named earlier (Utusan).
        ("PUTRAJAYA: Kementerian Luar mengesahkan tiga warga Singapura ditemukan selamat dalam tragedi tanah runtuh "
         "di Jalan Batang-Kali-Genting Highlands, Hulu Selangor, semalam.\n\nWisma Putra dalam satu kenyataan "
         "memaklumkan, mereka disahkan masih hidup ketika misi operasi mencari dan menyelamat yang dilaksanakan "
         "pasukan dari pelbagai agensi terlibat.\n\n“Kerajaan Malaysia masih berusaha dengan pantas untuk memastikan "
         "semua mangsa yang terjejas dalam tragedi tersebut diberikan segala bantuan dengan segera,” katanya.",
         "Kerajaan Malaysia", "Wisma Putra"),
        # "Ketua The Fed, Jerome Powell, menyampaikan": the title first, then the person (Detik).
        ("Ketua The Fed, Jerome Powell, menyampaikan bahwa pasar tenaga kerja kini menjadi perhatian utama para "
         "pembuat kebijakan moneter.\n\n\"Tidak ada jalan yang sepenuhnya bebas risiko. Tidak mudah untuk menentukan "
         "langkah terbaik,\" ujarnya seperti dikutip dari Reuters, Kamis (18/9/2025).", "Tidak ada jalan",
         "Jerome Powell"),
        # Detik: the title's place (Boyolali) is the jurisdiction; the person follows the comma.
        ("Saat ini kasus tersebut sudah naik ke tahap penyidikan. Namun demikian, penyidik belum menetapkan adanya "
         "tersangka.\n\n\"Sudah sidik (naik ke penyidikan),\" ujar Kapolres Boyolali, AKBP Rosyid Hartanto, "
         "dikonfirmasi Selasa (14/10/2025).", "Sudah sidik", "Rosyid Hartanto"),
        # Detik: a rank and a Balinese birth-order name (I) before the name.
        ("Kedua anggotanya itu kena OTT saat berada di pos lalu lintas di Jalan Sudirman.\n\n\"Iya, anggota lantas "
         "itu. OTT katanya, OTT-nya belum ini (tahu) juga kita,\" kata AKBP I Made Parwita.", "Iya, anggota",
         "Made Parwita"),
    ],
)
def test_malay_and_indonesian_speakers_follow_the_discourse(text, opening, speaker):
    assert speaker_of(text, opening, "id") == speaker

