# cx-core Swedish aspect terms: term<TAB>dimension[:weight]
# Written for cxsignals (CC0-1.0). Terms are case-folded and Snowball-stemmed at load time	
# a trailing * matches any word beginning with the prefix (for compounds).

# staff
servit*	staff
kypare	staff
personal*	staff
betjäning*	staff
hovmästar*	staff
värdinna*	staff
bartender*	staff
barista*	staff
sommelier*	staff
receptionist*	staff
receptionen	staff:0.7
reception	staff:0.7
expedit*	staff
butiksbiträde*	staff
biträde*	staff:0.7
kassör*	staff
säljare*	staff
anställd*	staff
medarbetar*	staff
kock*	staff:0.5
kökschef*	staff:0.7
restaurangchef*	staff
butikschef*	staff
chefen	staff:0.5
ägare*	staff:0.7
ägarinna*	staff:0.7
guide*	staff:0.5
chaufför*	staff:0.7
förare*	staff:0.5
budbilsförare*	staff
frisör*	staff
städerska*	staff:0.7
concierge*	staff
service	staff
servicen	staff
servicekänsla*	staff:1.5
serviceinriktad*	staff
servicenivå*	staff
servicemind*	staff
kundservice*	staff
kundtjänst*	staff
kundbemötande*	staff:1.5
bemötande*	staff:1.5
bemötte	staff
bemött	staff
bemöttes	staff
tjänstvillig*	staff
uppmärksam*	staff
ouppmärksam*	staff
hjälpsam*	staff:0.7
ohjälpsam*	staff:0.7
vänlig*	staff:0.5
ovänlig*	staff:0.7
otrevlig*	staff:0.5
oartig*	staff
artig*	staff:0.7
tillmötesgående	staff:0.5
proffsig*	staff:0.5
oproffsig*	staff:0.7
kunnig*	staff:0.7
okunnig*	staff:0.7
nonchalant*	staff:0.7
dryg	staff:0.5
attityd*	staff
hälsade	staff:0.7
tog emot oss	staff
tog vår beställning	staff
tog hand om oss	staff
leende	staff:0.5
log	staff:0.5
gästvänlig*	staff
gästfri*	staff
värdskap*	staff

# people and roles of the businesses Swedish reviews are about (brokers, garages, craftsmen, clinics, offices)
mäklare	staff
mäklarna	staff
fastighetsmäklare*	staff
bostadsmäklare*	staff
mekaniker*	staff
tekniker*	staff
servicetekniker*	staff
servicerådgivare*	staff
handläggare*	staff
rådgivare*	staff
försäljare*	staff
konsulten	staff:0.7
konsulter	staff:0.7
installatör*	staff
montör*	staff
elektriker*	staff
rörmokare*	staff
snickare*	staff
målare*	staff:0.7
hantverkare*	staff
plattsättare*	staff
städare*	staff
städpersonal*	staff
lokalvårdare*	staff
flyttgubb*	staff
flyttkarl*	staff
brevbärare*	staff
läkare*	staff
tandläkare*	staff
tandhygienist*	staff
sjuksköterska*	staff
sjuksköterskor*	staff
sköterska*	staff
sköterskor*	staff
barnmorska*	staff
terapeut*	staff
fysioterapeut*	staff
sjukgymnast*	staff
naprapat*	staff
kiropraktor*	staff
massör*	staff
massös*	staff
stylist*	staff
barberare*	staff
veterinär*	staff:0.7
apotekare*	staff
farmaceut*	staff
optiker*	staff:0.7
trafiklärare*	staff
lärare*	staff:0.7
instruktör*	staff
tränare*	staff:0.7
advokat*	staff:0.7
jurist*	staff
revisor*	staff
projektledare*	staff
arbetsledare*	staff
platschef*	staff
kontaktperson*	staff
kundansvarig*	staff
hyresvärd*	staff:0.7
vaktmästare*	staff
fastighetsskötare*	staff
portier*	staff
nattportier*	staff
kundsupport*	staff
supporten	staff
telefonist*	staff
kassapersonal*	staff
butikspersonal*	staff
"killarna"	staff:0.5
"tjejerna"	staff:0.5
teamet	staff:0.7
# how they treated the customer
"bemötta"	staff
lyhörd*	staff:0.7
påläst*	staff:0.7
engagerad*	staff:0.5
engagemang*	staff:0.5
oengagerad*	staff:0.7
ointresserad*	staff:0.5
kompetent*	staff:0.5
kompetens*	staff:0.5
professionel*	staff:0.5
arrogant*	staff:0.7
oförskämd*	staff
respektlös*	staff:0.7
ohövlig*	staff
hövlig*	staff:0.7
mottagande*	staff:0.7
omhändertagen	staff:0.7
omhändertagna	staff:0.7
tog väl hand om	staff

# product
varor*	product
läsk	product
läsken	product
läskedryck*	product
tårt*	product
kudd*	product
mat	product
maten	product
maträtt*	product
huvudrätt*	product
förrätt*	product
efterrätt*	product
varmrätt*	product
smårätt*	product
dessert*	product
frukost*	product
lunch*	product
middag*	product
brunch*	product
meny*	product:0.7
kök	product:0.5
dryck*	product
kaffe*	product
latte*	product
cappuccino*	product
espresso*	product
teet	product
juice*	product
vin	product
vinet	product
vinlista*	product
rödvin*	product
vitvin*	product
öl	product
ölen	product
ölet	product
drink*	product
cocktail*	product
pizza*	product
hamburgare*	product
burgare*	product
pasta	product
pastan	product
sallad*	product
soppa*	product
kött*	product
fisk*	product
kyckling*	product
biff*	product
fläsk*	product
lax	product
laxen	product
räkor	product
skaldjur*	product
grönsak*	product
potatis*	product
pommes*	product
sushi*	product
nudlar*	product
bröd	product
brödet	product
smörgås*	product
macka	product
mackan	product
bakverk*	product
bullar*	product
kanelbull*	product
kaka	product
kakor*	product
glass	product
glassen	product
fika*	product
ost	product
osten	product
sås	product
såsen	product
smak*	product
kryddning*	product
kryddor*	product
råvar*	product
ingrediens*	product
portion*	product
recept	product:0.5
tillagad*	product:0.7
överkokt*	product:1.5
genomstekt*	product:0.7
bränd*	product:0.5
frasig*	product:0.5
krispig*	product:0.5
saftig*	product:0.5
mör	product:0.5
torr	product:0.5
färsk*	product:0.5
hemlagad*	product
husmanskost	product
vegetarisk*	product:0.7
vegansk*	product:0.7
kvalitet*	product:0.7
kvalité*	product:0.7
produkt*	product
varan	product
sortiment*	product
utbud*	product:0.7
rummet	product:0.5
rum	product:0.5
säng*	product
madrass*	product
dusch*	product
wifi	product:0.5
kläder*	product
klädesplagg*	product
plagg*	product
skor	product
skorna	product
tyget	product
materialet	product:0.5
förpackning*	product:0.7

# cars, their parts and what a garage does to them; by its form: bil shares the stem of billig (price), and bil* would also take bild and bilaga
"bil"	product:0.7
"bilen"	product:0.7
"bilar"	product:0.7
"bilarna"	product:0.7
"bilens"	product:0.7
begagnad bil	product:1.5
däck*	product
vinterdäck*	product
sommardäck*	product
dubbdäck*	product
fälg*	product
hjulinställning*	product
bromsar*	product
bromsklossar*	product
motorn	product
motorer	product
växellåd*	product
avgassystem*	product
batteri*	product:0.7
vindrut*	product
lackering*	product
lackskada*	product
kaross*	product
reservdel*	product
oljebyte*	product
hjulbyte*	product
däckbyte*	product
bilvård*	product
biltvätt*	product
rekond*	product
reparation*	product:0.7
lagningen	product:0.7
# phones, computers and household machines
mobiltelefon*	product
mobilen	product
smartphone*	product
iphone*	product
"dator"	product
datorn	product
datorer	product
datorerna	product
laptop*	product
surfplatta*	product
ipad*	product
hörlurar*	product
högtalare*	product
laddare*	product
laddsladd*	product
skrivare*	product:0.7
kamera*	product:0.7
tv-apparat*	product
elektronik*	product
hemelektronik*	product
vitvar*	product
kylskåp*	product
frysbox*	product
tvättmaskin*	product
torktumlare*	product
diskmaskin*	product
dammsugare*	product
mikrovågsugn*	product
router*	product
bredband*	product:0.7
uppkoppling*	product:0.5
abonnemang*	product:0.5
# furniture and the home, as a shop sells them
garderob*	product
bokhyll*	product
bänkskiv*	product
köksluckor*	product
sängram*	product
sängkläder*	product
lakan*	product
handduk*	product
gardin*	product:0.7
# clothes, shoes and what they are made of
jacka	product
jackan	product
jackor	product
byxor*	product
jeans*	product
tröja	product
tröjan	product
tröjor*	product
skjorta	product
skjortan	product
skjortor*	product
klänning*	product
kjol	product
kjolen	product
strumpor*	product
stövlar*	product
kängor*	product
sneakers	product
väska	product
väskan	product
väskor*	product
passform*	product:1.5
storleken	product:0.7
storlekar*	product:0.7
sömmar*	product
tyg	product
bomull*	product
läder*	product
# hotel rooms and beds
hotellrum*	product
dubbelrum*	product
enkelrum*	product
familjerum*	product
sviten	product
minibar*	product
frukostbuffé*	product
# food stores and what they sell
livsmedel*	product
matvaror*	product
färskvar*	product
matkass*	product
"frukt"	product
"frukten"	product
mjölk	product
mjölken	product
ägg	product
äggen	product
chark*	product
korv	product
korven	product
korvar*	product
delikatess*	product
godis*	product
choklad*	product
# pharmacies, health and beauty products
läkemedel*	product
medicin	product
mediciner*	product
tablett*	product
vitamin*	product
hudvård*	product
hudkräm*	product
smink*	product
schampo*	product
parfym*	product
# the service itself: the work done, the sale, the treatment, the cleaning
"arbetet"	product:0.5
"resultatet"	product:0.7
"utförandet"	product:0.7
"utförande"	product:0.7
"tjänsten"	product:0.5
"tjänsterna"	product:0.5
värdering*	product:0.7
visning*	product:0.7
budgivning*	product:0.7
"försäljningen"	product:0.5
objektbeskrivning*	product
flyttstäd*	product
storstädning*	product
hemstädning*	product
veckostädning*	product
# the cleaning bought (städning, städningen) is the service reviewed; the state of a place
# is städat, städad, smuts
städning*	product
fönsterputs*	product
flytthjälp*	product
"flytten"	product:0.5
behandling*	product:0.7
ansiktsbehandling*	product
massage*	product:0.7
klippning*	product
frisyr*	product
hårfärg*	product
fransförläng*	product
naglar*	product:0.7
tatuering*	product
renovering*	product
badrumsrenovering*	product
installation*	product:0.7
montering*	product:0.7
"målningen"	product:0.7
# insurance, banking and parcels
försäkring*	product
hemförsäkring*	product
bilförsäkring*	product
villkoren	product:0.5
bolån*	product
lånet	product:0.7
paket	product:0.7
paketet	product:0.7
paketen	product:0.7
försändelse*	product:0.7
kartong*	product:0.5
emballage*	product:0.7
tillbehör*	product:0.7
utrustning*	product:0.7
modellen	product:0.5
slitstark*	product
hållbarhet*	product:0.5
# dishes named by what they are
"rätter"	product
"rätterna"	product
entrecote*	product
oxfilé*	product
filén	product
schnitzel*	product
kotlett*	product
revben*	product
lamm	product
lammet	product
lammstek*	product
älgkött*	product
torsk*	product
sill	product
sillen	product
strömming*	product
röding*	product
gös	product
gösen	product
hälleflundr*	product
tonfisk*	product
musslor*	product
hummer*	product
kräftor*	product
krabba*	product
bläckfisk*	product
räkmacka*	product
räksmörgås*	product
köttbullar*	product
tacos	product
burrito*	product
kebab*	product
falafel*	product
curry*	product
gryta	product
grytan	product
grytor*	product
paj	product
pajen	product
pajer	product
quiche*	product
omelett*	product
pannkak*	product
våffl*	product
gröt	product
gröten	product
yoghurt*	product
risotto*	product
lasagne*	product
spaghetti*	product
carbonara*	product
dumplings	product
"tapas"	product
wok	product
woken	product
baguette*	product
frallor*	product
croissant*	product
muffins*	product
kladdkak*	product
cheesecake*	product
semla	product
semlor*	product
wienerbröd*	product
sorbet*	product
smoothie*	product
milkshake*	product
# ingredients, sides and sauces
svamp*	product:0.7
champinjon*	product
vitlök*	product
tomat*	product
gurk*	product
avokado*	product
bönor*	product
ärtsoppa*	product
potatismos*	product
mos	product:0.5
moset	product
gratäng*	product
dressing*	product
majonnäs*	product
aioli*	product
bearnaise*	product
senap*	product
smör	product
smöret	product
grädd*	product
# drinks
cider*	product
champagne*	product
mousserande	product
whisky*	product
sprit	product
spriten	product
snaps*	product
glögg*	product
alkoholfri*	product:0.7
fatöl*	product
viner	product
vinerna	product
# how food tastes and is cooked
välsmakande	product
smakrik*	product
smaklös*	product
"läcker"	product:0.7
läckert	product:0.7
läckra	product:0.7
kryddig*	product:0.7
okryddad*	product
mättande	product:0.7
flottig*	product
oljig*	product
sladdrig*	product
degig*	product
ljummen	product:0.5
ljummet	product:0.5
ljumma	product:0.5
kallnat	product:0.7
grillad*	product:0.7
friterad*	product:0.7
ugnsbakad*	product
marinerad*	product
gratinerad*	product
"salt"	product:0.5
"saltet"	product:0.5

# ambience
lyhört	ambience
atmosfär*	ambience
stämning*	ambience
miljö*	ambience:0.7
ambiens*	ambience
känslan i lokalen	ambience
lokalen	ambience:0.7
lokalerna	ambience:0.7
interiör*	ambience
inredning*	ambience
inredd*	ambience
dekor*	ambience
design*	ambience:0.5
# a room's furnishing is its ambience; furniture (möbler, möblerna) is mostly goods moved,
# bought or harmed, so a weak product cue
möblering*	ambience
möblera*	ambience
möbler*	product:0.5
stolar*	ambience:0.7
soffor*	ambience:0.7
musik*	ambience
bakgrundsmusik*	ambience
livemusik*	ambience
spellista*	ambience
ljudnivå*	ambience
ljud	ambience
ljudet	ambience
oljud*	ambience
buller*	ambience
bullret	ambience
bullrig*	ambience
högljudd*	ambience
sorl*	ambience
stimmig*	ambience
tyst	ambience
tystare	ambience
lugn	ambience:0.7
lugnt	ambience:0.7
belysning*	ambience
ljus	ambience:0.5
ljuset	ambience:0.5
levande ljus	ambience
mörkt	ambience:0.5
mörk	ambience:0.5
doft*	ambience
lukt*	ambience
stank	ambience
stinker	ambience
stinkande	ambience
ren	ambience:0.7
rent	ambience:0.7
renlig*	ambience
städat	ambience
städad	ambience
städade	ambience
ostädat	ambience
ostädad*	ambience
smuts*	ambience
skitig*	ambience
dammig*	ambience
kladdig*	ambience
fläckig*	ambience
fläckar	ambience
hygien*	ambience
ohygien*	ambience
mögel*	ambience
möglig*	ambience
kackerlack*	ambience
ohyra	ambience
mysig*	ambience
myspys*	ambience
hemtrevlig*	ambience
ombonad*	ambience
trivsam*	ambience
charmig*	ambience:0.7
romantisk*	ambience
trång*	ambience
trängsel	ambience
rymlig*	ambience
luftig*	ambience
bekväm*	ambience:0.5
temperatur*	ambience
dragig*	ambience
kyligt	ambience:0.7
ventilation*	ambience
luftkonditionering*	ambience
utsikt*	ambience
uteservering*	ambience
terrass*	ambience
trädgård*	ambience:0.7
innergård*	ambience
toalett*	ambience
toa	ambience
toan	ambience
badrum*	ambience:0.5
matos	ambience
rökig*	ambience
ödslig*	ambience
folktom*	ambience

# the premises, their state and the air in them
akustik*	ambience
ljussättning*	ambience
stearinljus*	ambience
trubadur*	ambience
dj	ambience:0.5
stökig*	ambience:0.7
"sliten"	ambience:0.5
slitna	ambience:0.5
nedgången	ambience:0.7
nergången	ambience:0.7
ruffig*	ambience
sunkig*	ambience
shabbig*	ambience
stilren*	ambience
elegant*	ambience:0.5
kvav*	ambience
instängd*	ambience:0.5
unken	ambience
unket	ambience
fuktig*	ambience:0.7
"damm"	ambience:0.7
"dammet"	ambience:0.7
spindelnät*	ambience
flugor*	ambience:0.7
getingar*	ambience:0.7
råttor*	ambience
möss	ambience
vägglöss*	ambience
"luften"	ambience:0.7
kylan	ambience:0.5
trivsel*	ambience
idyll*	ambience
pittoresk*	ambience
omgivning*	ambience:0.7
havsutsikt*	ambience
sjöutsikt*	ambience
poolområde*	ambience
bastu*	ambience:0.7
lobby*	ambience
foajé*	ambience
matsal*	ambience
väntrum*	ambience
väntsal*	ambience
takhöjd*	ambience
sittplats*	ambience:0.7
hygienisk*	ambience
ohygienisk*	ambience
välstädad*	ambience

# waiting
vänt*	waiting
väntetid*	waiting:1.5
lång väntan	waiting:1.5
kö	waiting
kön	waiting
köer	waiting
köerna	waiting
köa	waiting
köade	waiting
köat	waiting
köande	waiting
köbildning*	waiting
kassakö*	waiting
kassan	waiting:0.5
snabb	waiting:0.7
snabbt	waiting:0.7
snabba	waiting:0.7
snabbhet*	waiting
långsam*	waiting
seg service	waiting:1.5
dröjde	waiting
dröjer	waiting
dröja	waiting
dröjsmål	waiting
försenad*	waiting
försening*	waiting
försenat	waiting
i tid	waiting
punktlig*	waiting
tog lång tid	waiting:1.5
tog tid	waiting
lång tid	waiting
en evighet	waiting
evigheter	waiting
minuter	waiting:0.7
timme	waiting:0.5
timmar	waiting:0.5
länge	waiting:0.7
genast	waiting:0.7
omgående*	waiting:0.7
direkt	waiting:0.5
med en gång	waiting
på en gång	waiting:0.7
effektiv*	waiting:0.5
stressig*	waiting:0.7
rusning*	waiting
bokning*	waiting
boka	waiting
bokade	waiting
bokat	waiting
bokad	waiting
bordsbokning*	waiting
bordet	waiting:0.5
få bord	waiting
fick bord	waiting
ledigt bord	waiting
reservation*	waiting
reserver*	waiting
förbeställ*	waiting
drop-in	waiting
leverans*	waiting
levererade*	waiting:0.7
levererat	waiting:0.7
levereras	waiting:0.7
leveranstid*	waiting:1.5
frakt*	waiting:0.5
kom fram	waiting:0.5
incheckning*	waiting
utcheckning*	waiting
checka in	waiting
svarstid*	waiting
handläggningstid*	waiting
underbemann*	waiting

# how long it took, and getting a time
"i veckor"	waiting
"i månader"	waiting
i flera dagar	waiting
i flera veckor	waiting:1.5
i flera månader	waiting:1.5
flera veckor	waiting:0.7
flera månader	waiting:0.7
arbetsdagar	waiting:0.7
för sent	waiting
i sista minuten	waiting:0.7
tidsplan*	waiting
tidplan*	waiting
deadline*	waiting
utlovad tid	waiting:1.5
utsatt tid	waiting
avtalad tid	waiting
leveransdatum*	waiting
leveransdag*	waiting
kvickt	waiting:0.7
raskt	waiting:0.7
blixtsnabb*	waiting
supersnabb*	waiting
jättesnabb*	waiting
skyndsamt	waiting
"snarast"	waiting:0.7
kötid*	waiting:1.5
telefonkö*	waiting
tempot	waiting:0.7
tidseffektiv*	waiting
tidsödande	waiting
sölig*	waiting
tidsbokning*	waiting
onlinebokning*	waiting
ledig tid	waiting
lediga tider	waiting
få en tid	waiting
fick en tid	waiting
fick tid	waiting:0.7
inget svar	waiting:0.7
svarar aldrig	waiting
svarade aldrig	waiting
hörde aldrig av sig	waiting
hör aldrig av sig	waiting
återkom aldrig	waiting

# price
pris	price
priset	price
priser	price
priserna	price
prisnivå*	price
prislapp*	price
prisvärd*	price:1.5
prisvärt	price:1.5
prisläge*	price
prishöjning*	price
kostar	price
kostade	price
kostnad*	price
kostsam*	price
dyr	price
dyrt	price
dyra	price
dyrare	price
dyraste	price
svindyr*	price
billig*	price
ocker*	price
överpris*	price
värd pengarna	price:1.5
värt pengarna	price:1.5
valuta för pengarna	price:1.5
pengar	price
pengarna	price
nota	price
notan	price
räkning*	price
kvitto*	price
faktura*	price
betala	price
betalade	price
betalat	price
betalt	price
betalning*	price
kortbetalning*	price
kortet	price:0.5
kontant*	price
swish*	price
dricks*	price
rabatt*	price
erbjudande*	price
kampanj*	price:0.7
rea	price:0.7
rean	price:0.7
reapris*	price
utförsäljning*	price
kupong*	price
presentkort*	price:0.7
avgift*	price
serviceavgift*	price
extra kostnad	price
tillägg	price:0.7
gratis	price:0.5
ingår	price:0.5
ingick	price:0.5
budget*	price
snål	price:0.5
snåla	price:0.5
happy hour	price
kr	price
kronor	price
spänn	price:0.7
överdebiter*	price
lunchpris*	price
för pengarna	price

# fees, quotes, invoices and deductions of services
arvode*	price
mäklararvode*	price
provision*	price
timpris*	price:1.5
timkostnad*	price
offert*	price
kostnadsförslag*	price
prisuppgift*	price
fast pris	price:1.5
debiter*	price
faktureringsavgift*	price
fakturer*	price
månadsavgift*	price
årsavgift*	price
startavgift*	price
expeditionsavgift*	price
påminnelseavgift*	price
självrisk*	price
premien	price
räntan	price
rutavdrag*	price
rotavdrag*	price
rut-avdrag*	price
rot-avdrag*	price
moms*	price
summan	price:0.7
summa	price:0.5
belopp*	price
prisklass*	price:1.5
prisbild*	price
prisskillnad*	price
prisgaranti*	price
skyhög*	price:0.7
hutlös*	price
rimligt pris	price:1.5
rimliga priser	price:1.5
orimligt pris	price:1.5
värt varenda krona	price:1.5
varenda krona	price
sek	price
tusenlapp*	price
hundralapp*	price
öre	price:0.5
delbetal*	price
avbetalning*	price
förskott*	price
handpenning*	price
deposition*	price
inkasso*	price:0.7
fynd	price:0.7
fyndet	price:0.7
halva priset	price:1.5
fullpris*	price
ordinarie pris	price:1.5
extrapris*	price
mängdrabatt*	price
studentrabatt*	price
kostnadsfri*	price:0.7
avgiftsfri*	price:0.7
dolda avgifter	price:1.5
dolda kostnader	price:1.5
tillkommer	price:0.5
plånbok*	price:0.7

# access
läge	access:0.7
läget	access
belägen	access
beläget	access
centralt	access
centralt beläget	access
hitta hit	access
hitta dit	access
svårt att hitta	access
lätt att hitta	access
svårhittad*	access
lätthittad*	access
parkering*	access
parkera*	access
p-plats*	access
p-hus*	access
kollektivtrafik*	access
busshållplats*	access
bussen	access:0.7
tunnelbana*	access
t-bana*	access
spårvagn*	access
stationen	access:0.7
centralstation*	access
gångavstånd*	access
promenadavstånd*	access
adress*	access:0.7
skyltning*	access
skyltat	access
ingång*	access
entrén	access
entré	access:0.7
rullstol*	access
tillgänglig*	access:0.7
handikappanpass*	access
trappor*	access
trappan	access
hiss	access
hissen	access
barnvagn*	access
öppettid*	access:1.5
öppetider*	access
öppet	access:0.5
stängt	access:0.7
stängd*	access:0.7
stänger	access:0.7
stängde	access:0.7
stängning*	access
kvarter*	access
området	access:0.5
centrum	access
stadskärna*	access
avsides	access
långt bort	access
nära till	access
vägbeskrivning*	access
hemsida*	access:0.5
webbplats*	access:0.5
telefontid*	access
svårt att nå	access

# getting there, getting in and getting hold of them
ligger bra till	access:1.5
ligger nära	access
ligger centralt	access
närbelägen*	access
runt hörnet	access
mitt i stan	access
avståndet	access:0.7
svårhittat	access
lätthittat	access
hittade dit	access
hittade hit	access
hitta fram	access
ta sig dit	access
ta sig hit	access
ta sig till	access:0.7
lätt att ta sig	access:1.5
svårt att ta sig	access:1.5
kartan	access:0.5
gratisparkering*	access
gatuparkering*	access
cykelparkering*	access
pendeltåg*	access
tåget	access:0.5
hållplats*	access
tunnelbanestation*	access
motorväg*	access:0.5
avfart*	access
handikapp*	access
otillgänglig*	access
ramp	access:0.7
rampen	access:0.7
helgöppet	access
kvällsöppet	access
dygnet runt	access
lunchstängt	access
semesterstängt	access
öppet till	access:0.7
gick inte att nå	access
går inte att nå	access
lätt att nå	access
svår att nå	access

# personalization
personlig service	personalization:1.5
personligt bemötande	personalization:1.5
personlig touch	personalization:1.5
personlig prägel	personalization
personligt*	personalization:0.7
personliga*	personalization:0.7
skräddarsy*	personalization
anpassa*	personalization:0.7
anpassning*	personalization
individuell*	personalization
specialbeställ*	personalization
specialönskemål*	personalization:1.5
önskemål*	personalization
önskan	personalization:0.5
allergi*	personalization
specialkost*	personalization
glutenfri*	personalization:0.7
laktosfri*	personalization:0.7
nötfri*	personalization:0.7
kom ihåg oss	personalization:1.5
kom ihåg vad	personalization
kom ihåg mitt namn	personalization:1.5
mindes oss	personalization
vid namn	personalization
flexibel*	personalization:0.7
flexibla	personalization:0.7
flexibilitet*	personalization
omtanke*	personalization
omtänksam*	personalization
guldkant*	personalization
extra omtanke	personalization
efter önskemål	personalization
på beställning	personalization
handskriv*	personalization
födelsedag*	personalization:0.5
årsdag*	personalization:0.5
bröllopsdag*	personalization:0.5
uppgraderade*	personalization:0.7
uppgradering*	personalization:0.7
tipsade oss	personalization

# cocreation
event	cocreation:0.5
eventet	cocreation:0.5
eventen	cocreation:0.5
självservice*	cocreation
självscanning*	cocreation
självskanning*	cocreation
självutcheckning*	cocreation
självbetjäning*	cocreation
självincheckning*	cocreation
självkassa*	cocreation
beställningsskärm*	cocreation
skärmen	cocreation:0.5
app	cocreation:0.7
appen	cocreation:0.7
qr-kod*	cocreation
beställa online	cocreation
onlinebeställning*	cocreation
nätbeställning*	cocreation
buffé*	cocreation:0.7
bygg din egen	cocreation
välj själv	cocreation
ta själv	cocreation:0.7
plocka själv	cocreation
workshop*	cocreation
matlagningskurs*	cocreation
kurs*	cocreation:0.5
vinprovning*	cocreation
ölprovning*	cocreation
provning*	cocreation:0.7
delta	cocreation
deltog	cocreation
deltagare*	cocreation:0.7
deltagande	cocreation
medverka*	cocreation
involver*	cocreation
interaktiv*	cocreation
feedback*	cocreation
återkoppling*	cocreation
synpunkt*	cocreation
enkät*	cocreation
utvärdering*	cocreation:0.7
förslag*	cocreation:0.7
tycka till	cocreation
tyckte till	cocreation
vad vi tyckte	cocreation
dialog*	cocreation
samtal*	cocreation:0.5
community*	cocreation
gemenskap*	cocreation
sociala medier	cocreation
instagram*	cocreation:0.5
facebook*	cocreation:0.5
evenemang*	cocreation:0.5
samskap*	cocreation
öppet kök	cocreation:0.5
recension*	cocreation:0.3

# failure
krångla*	failure
misstag*	failure
fel	failure
felet	failure
felaktig*	failure
fel beställning	failure:1.5
fel rätt	failure:1.5
glömde*	failure
glömt*	failure
glömska	failure
bortglömd*	failure
missförstånd*	failure
missuppfatt*	failure
missade	failure:0.7
problem*	failure
strul*	failure
krångel*	failure
krånglig*	failure
trassel	failure
rörig*	failure:0.7
kaos*	failure
kaotisk*	failure
trasig*	failure
sönder	failure
skadad*	failure
saknades	failure:0.7
saknas	failure:0.7
försvann	failure
försvunnen*	failure
borttappad*	failure
tappade	failure:0.5
spillde	failure
inställd*	failure
avbokad*	failure:0.7
dubbelbok*	failure
överbok*	failure
ignorer*	failure
negligerad*	failure
diskriminer*	failure
rasis*	failure
sexis*	failure
kränk*	failure
trakasser*	failure
störde	failure
störande	failure
störd	failure
avbröt	failure:0.7
bråk	failure
bråkade	failure
grälade	failure
skrek	failure
skällde	failure
hår i maten	failure:1.5
matförgiftning*	failure:1.5
magsjuk*	failure
mådde illa	failure
spydde	failure
katastrof*	failure:0.7
fiasko*	failure
slarv*	failure
inkompetent*	failure:0.7
bluff*	failure
lurad*	failure
lurade	failure
ljög	failure
slutsåld*	failure:0.7
fungerade inte	failure
funkade inte	failure
fungerar inte	failure
ur funktion	failure
vägrade	failure
nekad*	failure
nekade	failure
avvisad*	failure
utkastad*	failure
slängde ut	failure
klaga	failure:0.7
klagade	failure:0.7
klagat	failure:0.7
blev fel	failure
gick fel	failure

# recovery
återkom med	recovery
lyssnade på oss	recovery
räddade kvällen	recovery
ursäkt*	recovery
bad om ursäkt	recovery:1.5
beklaga*	recovery
förlåt	recovery:0.7
kompensation*	recovery
kompenser*	recovery
ersättning*	recovery
ersatte	recovery
återbetal*	recovery
pengarna tillbaka	recovery:1.5
pengar tillbaka	recovery:1.5
fick tillbaka	recovery
återköp*	recovery
öppet köp	recovery
bytesrätt*	recovery
byta ut	recovery
bytte ut	recovery
bjöd på	recovery:0.7
bjöds på	recovery:0.7
på huset	recovery
löste	recovery
lösning*	recovery:0.7
åtgärd*	recovery
rättade till	recovery
rätta till	recovery
fixade	recovery:0.7
hanterade	recovery:0.7
hantering*	recovery:0.5
lyssnade	recovery:0.5
tog ansvar	recovery
gottgör*	recovery
goodwill	recovery
gjorde om	recovery
lagade en ny	recovery
kom med en ny	recovery
skickade en ny	recovery
ringde tillbaka	recovery
retur*	recovery
reklamation*	recovery
reklamera*	recovery
klagomål*	recovery:0.5
förstående	recovery:0.5
avdrag	recovery:0.7

# emotion
besvik*	emotion
känsla*	emotion:0.7
kände oss	emotion:0.7
upplevelse*	emotion:0.7
minnesvärd*	emotion
oförglömlig*	emotion
minne	emotion
minnen	emotion
glad	emotion
glada	emotion
glädje*	emotion
lycklig*	emotion
förtjust*	emotion
njöt	emotion
njuta	emotion
njutning*	emotion
älska*	emotion:0.7
överrask*	emotion
wow	emotion
imponer*	emotion
magisk*	emotion
nöjd*	emotion
missnöjd*	emotion
frustrer*	emotion
arg	emotion
arga	emotion
ilsk*	emotion
irriter*	emotion
upprörd*	emotion
förbannad*	emotion
ledsen*	emotion:0.7
olycklig*	emotion
stress*	emotion
nervös*	emotion
obekväm*	emotion
pinsam*	emotion
förnedr*	emotion
chock*	emotion
äcklad*	emotion
otrygg*	emotion
trygg*	emotion:0.5
avslappn*	emotion
harmoni*	emotion
välkommen	emotion:0.5
välkomna	emotion:0.5
tacksam*	emotion
rörd	emotion
berörd*	emotion
kul	emotion:0.5
roligt	emotion:0.5
skratt*	emotion:0.5

# loyalty
återkomma	loyalty
återkommer	loyalty
komma tillbaka	loyalty:1.5
kommer tillbaka	loyalty:1.5
kommer definitivt tillbaka	loyalty:1.5
kommer absolut tillbaka	loyalty:1.5
kommer garanterat tillbaka	loyalty:1.5
kommer säkert tillbaka	loyalty:1.5
kommer gärna tillbaka	loyalty:1.5
kommer helt klart tillbaka	loyalty:1.5
kommer nog tillbaka	loyalty
kommer snart tillbaka	loyalty:1.5
kommer definitivt att komma tillbaka	loyalty:1.5
gå tillbaka	loyalty
åka tillbaka	loyalty
tillbaka	loyalty:0.5
återvända*	loyalty
återvänder	loyalty
återbesök*	loyalty
återkommande kund	loyalty:1.5
gå hit igen	loyalty:1.5
besöka igen	loyalty
igen	loyalty:0.5
aldrig igen	loyalty:1.5
aldrig mer	loyalty
sista gången	loyalty:0.7
nästa gång	loyalty
rekommender*	loyalty
stamgäst*	loyalty
stamkund*	loyalty
trogen*	loyalty
trogna	loyalty
lojal*	loyalty
kundklubb*	loyalty
medlem*	loyalty:0.5
bonus*	loyalty:0.5
stämpelkort*	loyalty
favorit*	loyalty:0.7
köpa igen	loyalty
handla igen	loyalty
beställa igen	loyalty
handlar här	loyalty
värt ett besök	loyalty
värt besöket	loyalty
undvik*	loyalty:0.7
håll er borta	loyalty
tipsa*	loyalty:0.5

# valutatecken (tokens sedan 2026-12-01): ett belopp handlar om priset
€	price:0.5
$	price:0.5
