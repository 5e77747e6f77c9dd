namespace Workspace.Server.Features.Agreements;

/// <summary>
/// The first text of a new agreement, in English or Bahasa Indonesia. Clauses are numbered headings (so links to
/// them can be followed), and the dispute-resolution steps are lines <see cref="Clauses.DisputeSteps"/> reads.
/// </summary>
public static class AgreementTemplates
{
    public static readonly string[] Languages = ["en", "id"];

    public static string For(string language, string title, IReadOnlyList<string> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var party = language == "id" ? "Pihak" : "Party";
        var list = string.Join("\n", parties.Select((p, i) => $"- **{party} {i + 1}:** {p}"));
        return (language == "id" ? Indonesian : English).Replace("{title}", title, StringComparison.Ordinal)
            .Replace("{parties}", list, StringComparison.Ordinal);
    }

    private const string English = """
        # {title}

        ## 1. Parties
        This agreement is made between the following organisations (together "the parties"):

        {parties}

        ## 2. Purpose and shared goals
        The parties work together to … . They share these goals, measured by the KPIs in the joint plan:
        - Goal 1: …
        - Goal 2: …

        ## 3. Roles and responsibilities
        Each party names a contact person. Party 1 is responsible for … ; Party 2 is responsible for … .

        ## 4. Contributions
        Each party contributes the money, staff time, facilities and knowledge listed here: …

        ## 5. Profit and cost sharing
        Costs are shared … % / … %. Net income from the joint activity is shared … % / … %, settled every quarter.

        ## 6. Intellectual property
        What a party brought in stays its own. What the parties create together is owned jointly, and each party may use
        it for its own work after telling the other.

        ## 7. Confidentiality
        Each party keeps the other's confidential information secret during this agreement and for two years after it.

        ## 8. Term
        This agreement starts on the date the last party signs it and runs for … years, unless it is ended earlier.

        ## 9. Termination and exit
        A party may end this agreement with … days' written notice. On exit the parties settle costs and income up to
        that
        date, return each other's materials and agree who continues which activity.

        ## 10. Dispute resolution
        The parties first try to settle a disagreement themselves. Each step below has a deadline in days, counted from
        the day the step starts; if the step has not settled the matter by then, either party may start the next one.

        - Step 1: Negotiation between the parties' contacts — 14 days
        - Step 2: Escalation to senior representatives — 14 days
        - Step 3: Mediation by a mediator both parties accept — 30 days
        - Step 4: Arbitration, whose decision binds both parties — 90 days

        ## 11. Amendments
        This agreement changes only through a numbered written amendment that every party signs.
        """;

    private const string Indonesian = """
        # {title}

        ## 1. Para pihak
        Perjanjian ini dibuat oleh organisasi-organisasi berikut (bersama-sama disebut "para pihak"):

        {parties}

        ## 2. Maksud dan tujuan bersama
        Para pihak bekerja sama untuk … . Tujuan bersama berikut diukur dengan KPI dalam rencana bersama:
        - Tujuan 1: …
        - Tujuan 2: …

        ## 3. Peran dan tanggung jawab
        Setiap pihak menunjuk satu narahubung. Pihak 1 bertanggung jawab atas … ; Pihak 2 bertanggung jawab atas … .

        ## 4. Kontribusi
        Setiap pihak menyumbangkan dana, waktu staf, fasilitas, dan keahlian sebagai berikut: …

        ## 5. Pembagian keuntungan dan biaya
        Biaya ditanggung … % / … %. Pendapatan bersih dari kegiatan bersama dibagi … % / … %, diselesaikan setiap
        triwulan.

        ## 6. Hak kekayaan intelektual
        Apa yang dibawa suatu pihak tetap menjadi miliknya. Hasil karya bersama dimiliki bersama, dan setiap pihak boleh
        memakainya untuk kegiatannya sendiri setelah memberi tahu pihak lain.

        ## 7. Kerahasiaan
        Setiap pihak menjaga kerahasiaan informasi pihak lain selama perjanjian ini berlaku dan dua tahun sesudahnya.

        ## 8. Jangka waktu
        Perjanjian ini berlaku sejak tanggal ditandatangani oleh pihak terakhir, selama … tahun, kecuali diakhiri
        lebih awal.

        ## 9. Pengakhiran dan keluar dari kerja sama
        Suatu pihak dapat mengakhiri perjanjian ini dengan pemberitahuan tertulis … hari sebelumnya. Saat berakhir, para
        pihak menyelesaikan biaya dan pendapatan sampai tanggal itu, saling mengembalikan bahan, dan menyepakati siapa
        melanjutkan kegiatan yang mana.

        ## 10. Penyelesaian sengketa
        Para pihak lebih dulu berusaha menyelesaikan perbedaan pendapat sendiri. Setiap langkah di bawah ini memiliki
        batas waktu dalam hari sejak langkah itu dimulai; jika belum selesai, pihak mana pun boleh memulai langkah
        berikutnya.

        - Langkah 1: Musyawarah antara narahubung para pihak — 14 hari
        - Langkah 2: Eskalasi ke pimpinan senior — 14 hari
        - Langkah 3: Mediasi oleh mediator yang disetujui kedua pihak — 30 hari
        - Langkah 4: Arbitrase, yang putusannya mengikat kedua pihak — 90 hari

        ## 11. Perubahan
        Perjanjian ini hanya dapat diubah melalui adendum tertulis bernomor yang ditandatangani semua pihak.
        """;
}
