
/// Words too common to say anything about what customers meant, in Finnish, Swedish and English:
/// pronouns and their case forms, forms of "to be", conjunctions, particles and intensifiers.
/// All three lists apply to every answer, as customers mix languages. Words shorter than three
/// letters are dropped anyway, so the lists leave them out.
enum StopWords {
    static let all: Set<String> = finnish.union(swedish).union(english)

    static let finnish = words("""
        olla olen olet olemme olette ovat ole oli olisi olisit olisin olisimme olisitte olisivat olit olin olimme
        olitte olivat ollut olleet ollaan oltu olisin eivät emme ette minä minun minut minua minussa minusta minuun
        minulla minulta minulle sinä sinun sinut sinua sinussa sinusta sinuun sinulla sinulta sinulle hän hänen hänet
        häntä hänessä hänestä häneen hänellä häneltä hänelle meidän meidät meitä meissä meistä meihin meillä meiltä
        meille teidän teidät teitä teissä teistä teihin teillä teiltä teille heidän heidät heitä heissä heistä heihin
        heillä heiltä heille tämä tämän tätä tässä tästä tähän tällä tältä tälle tänä täksi tuo tuon tuota tuossa
        tuosta tuohon tuolla tuolta tuolle tuona tuoksi sen sitä siinä siitä siihen sillä siltä sille siksi nämä
        näiden näitä näissä näistä näihin näillä näiltä näille näinä näiksi nuo noiden noita noissa noista noihin
        noilla noilta noille noina noiksi niiden niitä niissä niistä niihin niillä niiltä niille niinä niiksi kuka
        kenen kenet ketä kenessä kenestä keneen kenellä keneltä kenelle ketkä keiden keitä mikä minkä mitä missä
        mistä mihin millä miltä mille miksi mitkä joka jonka jota jossa josta johon jolla jolta jolle jona joksi
        jotka joiden joita joissa joista joihin joilla joilta joille joina että jos koska kuin mutta niin sekä tai
        vaan vai vaikka kanssa mukaan noin yli kun nyt itse myös vain kuitenkin sitten aina vielä ihan kyllä eli
        siis tosi todella erittäin aika vähän kaikki jotain mitään mikään ehkä eikä sekä sitä tää toi nää kans
        """)

    static let swedish = words("""
        och det att jag hon som han den med var sig för till är men ett hade icke mig henne sin har inte hans
        honom skulle hennes där min man kunde något från när efter upp dem vara vad över dig kan sina här mot
        alla under någon eller allt mycket sedan denna själv detta utan varit hur ingen mitt bli blev oss din
        dessa några deras blir mina samma vilken sådan vår blivit dess inom mellan sådant varför varje vilka
        ditt vem vilket sitt sådana vart dina vars vårt våra ert era vilkas också bara väldigt lite ganska helt
        mer kanske ändå jätte får fick
        """)

    static let english = words("""
        about above after again against all and any are aren't because been before being below between both
        but can can't cannot could couldn't did didn't does doesn't doing don't down during each few for from
        further had hadn't has hasn't have haven't having he'd he'll he's her here here's hers herself him
        himself his how how's i'd i'll i'm i've into isn't it's its itself let's more most mustn't myself nor
        not off once only other ought our ours ourselves out over own same shan't she she'd she'll she's
        should shouldn't some such than that that's the their theirs them themselves then there there's these
        they they'd they'll they're they've this those through too under until very was wasn't we'd we'll
        we're we've were weren't what what's when when's where where's which while who who's whom why why's
        with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also just
        really quite still even bit lot got get will one much
        """)

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}
