"""Labels over the pages of ../shared/bench/article-extraction, read by hand from their text:
which pages report one event, and which share a beat. bench/relate.py and bench/similar.py use them."""

#: Reports of one event by different outlets (read from the pages' text).
SAME_EVENT = {
    "feather duvet lung": ["7bb1ca9035", "a078b3656a", "bd673bd798", "9eef8162bb"],
    "NASA commercial moon landers": ["42aad16bde", "c50845a715", "d1c57d7821"],
    "water vapour on Europa": ["686bb170ef", "14cc2a0ca5", "f344ca5fb3"],
    "New York attorney general and WeWork": ["1ace8c85aa", "06e5123e4e", "fde930b018"],
    "'Meth. We're on it.' campaign": ["156770d676", "3f65af7b6b", "c13b9c0e04", "776a1c0467"],
    "Doobie Brothers tour": ["9cb8224b66", "ac1bfdd4c5", "35b158918c"],
    "threat to Rep. Omar": ["6ebac05f63", "7a457a4f71"],
    "Fort Worth kidnapping rescue": ["2c46804d9d", "51d066b060"],
    "plague in China": ["ba4dfe2d3e", "ea25dd7edf", "8b19453030", "432362af0b"],
    "hibernating astronauts": ["e1c7023ee2", "b37be3535e"],
    "Sweden drops Assange case": ["dc7ccccc1f", "c7e39ac49f"],
    "Home Depot results": ["f8ff621a0b", "51374560f4"],
    "Stadia launch": ["680c2848e9", "aade2ec8d1", "e100c9612a", "8267acacb9"],
    "Taylor Swift and Big Machine": ["70cb2d5bca", "eb62ac8425", "55bb6340e3"],
    "Hong Kong Polytechnic siege": ["5fa3154ec0", "624fcd903d"],
    "Prince Andrew's interview": ["1f765c4878", "87bf60570e"],
    "Davis Cup finals": ["0d46122928", "88c328b68b"],
    "16-inch MacBook Pro": ["65bf3048b5", "5fa5679de5"],
    "LA Auto Show": ["3cb22bfabe", "aadb38e527", "05844573ca"],
    "impeachment hearings": ["82b6d780c7", "7a664e40d2", "c90731f051"],
    "US-China trade talks": ["702d1da63b", "39d5c43beb", "d605bdef2c", "57d46c9d75"],
}

#: Articles on one beat: related for a reader, though not one event.
SAME_TOPIC = {
    "space": ["42aad16bde", "c50845a715", "d1c57d7821", "686bb170ef", "14cc2a0ca5", "f344ca5fb3",
              "e1c7023ee2", "b37be3535e", "359fee2285", "3c5bf8db42", "c00962aabe"],
    "disease": ["7bb1ca9035", "a078b3656a", "bd673bd798", "9eef8162bb", "ba4dfe2d3e", "ea25dd7edf",
                "8b19453030", "432362af0b", "c467d50755", "abd9d6291b"],
    "WeWork": ["1ace8c85aa", "06e5123e4e", "fde930b018", "bc13ff87b2"],
    "drugs": ["156770d676", "3f65af7b6b", "c13b9c0e04", "776a1c0467", "7f93c1944a", "961bd85ca8", "9e8c9f082a"],
    "Apple computers": ["65bf3048b5", "5fa5679de5", "232a43fb15", "291a8bf33e", "ad826691a8"],
    "video games": ["680c2848e9", "aade2ec8d1", "e100c9612a", "8267acacb9", "042bb7b5fe", "63db31a161"],
    "holiday deals": ["e7d77f1869", "287e4d9f4a", "ad826691a8", "cc4aa22b82", "5fbc7ccb50"],
    "Epstein": ["1f765c4878", "87bf60570e", "c58aa507c4"],
    "impeachment": ["82b6d780c7", "7a664e40d2", "c90731f051", "f5c90a6d52", "8380689f35", "04a6711caa"],
    "trade war": ["702d1da63b", "39d5c43beb", "d605bdef2c", "57d46c9d75", "b6906ca016"],
    "Hong Kong protests": ["5fa3154ec0", "624fcd903d", "e4c6a3b482"],
    "new cars": ["3cb22bfabe", "aadb38e527", "05844573ca", "06ee193de4", "3cb5e2f466", "9ebb3af656"],
    "NFL": ["08f7937627", "6a72de37e8", "8e3efab59f"],
    "NHL": ["ecb46e3e48", "264dc3ae31"],
    "Afghanistan": ["a1fca19b88", "7916ecca96"],
    "Delhi air": ["16c30add7e", "076f4f33bf"],
    "Democratic primary": ["aec5deeaad", "a6968f427c"],
    "Nigerian Senate": ["0dd1357045", "e7301133ba"],
    "stock markets": ["d605bdef2c", "57d46c9d75", "65408257db", "f8ff621a0b", "51374560f4", "ffc109d474"],
}
